import type { DocumentLanguage, ExportFormat } from '@accord/shared';
import type { PublicationRecord } from '../models/Publication.js';
import { escapeXml as esc } from '../exports/escapeXml.js';
import { EXPORT_LABELS } from '../exports/exportLabels.js';
import { FORMAT_NAMES, PUBLIC_PAGE_LABELS } from './publicPageLabels.js';
import { publicPageShell } from './publicPageShell.js';

/** The answer of the public page's verify form: identical to which file, or to none. */
export function renderVerifyResultPage(input: {
  publication: PublicationRecord;
  title: string;
  language: DocumentLanguage;
  hash: string;
  format: ExportFormat | null;
}): string {
  const { publication, language, format } = input;
  const labels = EXPORT_LABELS[language] ?? EXPORT_LABELS.en;
  const words = PUBLIC_PAGE_LABELS[language] ?? PUBLIC_PAGE_LABELS.en;
  const heading = `${labels.publication} ${publication.number}`;
  const verdict = format ? words.match.replace('{format}', FORMAT_NAMES[format]) : words.noMatch;
  const body = `<p class="kicker">${esc(heading)}</p>
<h1>${esc(input.title)}</h1>
<p class="result ${format ? 'result-match' : 'result-nomatch'}" data-match="${format ? 'true' : 'false'}">${esc(verdict)}</p>
<dl class="facts"><dt>${esc(labels.hash)}</dt><dd><code>${esc(input.hash)}</code></dd></dl>
<p><a href="/p/${publication._id.toHexString()}">${esc(words.back)}</a></p>`;
  return publicPageShell({ lang: language, title: `${words.verifyTitle} — ${input.title}`, body });
}
