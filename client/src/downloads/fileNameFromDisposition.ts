/**
 * The file name a Content-Disposition header gives: the exact UTF-8 one (`filename*`) when
 * present, else the plain one, else `fallback`. Path separators are dropped.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const exact = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  let name: string | null = null;
  if (exact) {
    try {
      name = decodeURIComponent(exact[1]!.trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
    name = plain ? (plain[2] ?? plain[1]!).trim() : null;
  }
  const safe = name?.replace(/[/\\]/g, '-').trim();
  return safe || fallback;
}
