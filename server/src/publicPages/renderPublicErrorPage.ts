import { escapeXml as esc } from '../exports/escapeXml.js';
import { publicPageShell } from './publicPageShell.js';

/** An error on a public page (unknown or non-public publication, bad upload) as a small HTML page. */
export function renderPublicErrorPage(status: number, message: string): string {
  return publicPageShell({
    lang: 'en',
    title: `${status} — Accord`,
    body: `<h1>${status}</h1>\n<p>${esc(message)}</p>`,
  });
}
