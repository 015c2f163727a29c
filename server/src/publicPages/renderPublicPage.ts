import { EXPORT_FORMATS, type DocumentLanguage } from '@accord/shared';
import type { PublicationRecord } from '../models/Publication.js';
import { escapeXml as esc } from '../exports/escapeXml.js';
import { EXPORT_LABELS } from '../exports/exportLabels.js';
import { formatExportDate } from '../exports/formatExportDate.js';
import { FORMAT_NAMES, PUBLIC_PAGE_LABELS } from './publicPageLabels.js';
import { publicPageShell } from './publicPageShell.js';

/**
 * The public page of a publication: its title, number, date, download links with each file's
 * SHA-256, a verify form, and the published text. The text is the HTML export's own `<main>` (and
 * its stylesheet), so the page says exactly what the files say; nothing else of the document
 * (drafts, comments, members) is read to build it.
 */
export function renderPublicPage(input: {
  publication: PublicationRecord;
  title: string;
  language: DocumentLanguage;
  /** the publication's HTML export */
  exportHtml: string;
  /** the sign-off section (signoff/renderEndorsements.ts), if any */
  endorsementsHtml?: string;
}): string {
  const { publication, title, language } = input;
  const labels = EXPORT_LABELS[language] ?? EXPORT_LABELS.en;
  const words = PUBLIC_PAGE_LABELS[language] ?? PUBLIC_PAGE_LABELS.en;
  const id = publication._id.toHexString();
  const heading = `${labels.publication} ${publication.number}`;
  // the export escapes every text it writes, so neither tag can occur inside its content
  const exportStyle = /<style>([\s\S]*?)<\/style>/.exec(input.exportHtml)?.[1] ?? '';
  const text = /<main[\s\S]*<\/main>/.exec(input.exportHtml)?.[0] ?? '';
  const files = EXPORT_FORMATS.map(
    (format) =>
      `<tr><td><a href="/p/${id}/download/${format}">${esc(FORMAT_NAMES[format])}</a></td>` +
      `<td><code>${esc(publication.hashes[format])}</code></td></tr>`,
  ).join('\n');
  const body = `<header>
<p class="kicker">${esc(heading)}</p>
<h1>${esc(title)}</h1>
<dl class="facts">
<dt>${esc(labels.date)}</dt><dd><time datetime="${publication.publishedAt.toISOString()}">${esc(formatExportDate(publication.publishedAt, language))}</time></dd>
<dt>${esc(labels.version)}</dt><dd>${publication.versionNumber}</dd>
</dl>
</header>
${input.endorsementsHtml ?? ''}
<section aria-labelledby="downloads">
<h2 id="downloads">${esc(words.downloads)}</h2>
<table class="files">
<thead><tr><th scope="col">${esc(words.format)}</th><th scope="col">${esc(labels.hash)}</th></tr></thead>
<tbody>
${files}
</tbody>
</table>
</section>
<section class="verify" aria-labelledby="verify">
<h2 id="verify">${esc(words.verifyTitle)}</h2>
<p>${esc(words.verifyHelp)}</p>
<form method="post" action="/p/${id}/verify" enctype="multipart/form-data">
<label for="verify-file">${esc(words.verifyFile)}</label>
<input id="verify-file" type="file" name="file" required>
<button type="submit">${esc(words.verifyButton)}</button>
</form>
</section>
<section class="published" aria-label="${esc(words.publishedText)}">
${text}
</section>`;
  return publicPageShell({ lang: language, title: `${title} — ${heading}`, body, extraStyle: exportStyle });
}
