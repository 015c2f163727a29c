import type { MailBody } from './sealMail.js';

/** One paragraph of a message, or the link people follow. */
export type MailPart = { text: string } | { link: string; label: string };

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain text and simple HTML saying the same thing, in that order. */
export function composeMail(parts: MailPart[], lang: string): MailBody {
  const text = parts
    .map((part) => ('link' in part ? `${part.label}:\n${part.link}` : part.text))
    .join('\n\n');
  const blocks = parts.map((part) =>
    'link' in part
      ? `<p><a href="${escapeHtml(part.link)}">${escapeHtml(part.label)}</a></p>`
      : `<p>${escapeHtml(part.text)}</p>`,
  );
  const html =
    `<!doctype html><html lang="${lang === 'pt' ? 'pt-BR' : lang}"><body style="font-family:sans-serif;line-height:1.5">` +
    blocks.join('') +
    '</body></html>';
  return { text: `${text}\n`, html };
}
