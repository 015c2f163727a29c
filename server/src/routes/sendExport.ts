import type { Response } from 'express';
import type { ExportedFile } from '../exports/exportDocument.js';

/**
 * Sends an export as a download whose name says document, version and format, e.g.
 * `acuerdo-regional-v3.pdf` (an ASCII name, and the exact one in `filename*` for accents).
 */
export function sendExport(res: Response, file: ExportedFile, title: string, versionTag: string): void {
  const base = `${title}-${versionTag}`;
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 80) || 'document';
  const exact = encodeURIComponent(`${base}.${file.extension}`);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${ascii}.${file.extension}"; filename*=UTF-8''${exact}`,
  );
  res.setHeader('Content-Length', String(file.body.byteLength));
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.body);
}
