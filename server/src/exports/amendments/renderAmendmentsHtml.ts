import type { DiffPart, DocumentLanguage } from '@accord/shared';
import { escapeXml } from '../escapeXml.js';
import type { AmendmentExportRow } from './AmendmentExportRow.js';
import { AMENDMENT_EXPORT_LABELS } from './amendmentExportLabels.js';
import { NEGOTIATION_EXPORT_LABELS } from '../negotiation/negotiationExportLabels.js';

const text = (value: string) => escapeXml(value).replace(/\n/g, '<br>');

/** "Text proposed": what stays and what goes (struck through); "Amendment": what stays and what comes (bold italics). */
function column(diff: readonly DiffPart[], side: 'before' | 'after'): string {
  return diff
    .map((part) => {
      if (side === 'before' && part.added) return '';
      if (side === 'after' && part.removed) return '';
      if (part.removed) return `<del><b><i>${text(part.value)}</i></b></del>`;
      if (part.added) return `<ins><b><i>${text(part.value)}</i></b></ins>`;
      if (part.formatted && side === 'after') return `<u>${text(part.value)}</u>`;
      return text(part.value);
    })
    .join('');
}

/** The amendments list as one HTML page: per amendment, the two-column table parliaments use. */
export function renderAmendmentsHtml(
  title: string,
  rows: readonly AmendmentExportRow[],
  language: DocumentLanguage,
): string {
  const l = AMENDMENT_EXPORT_LABELS[language];
  const body = rows
    .map(
      (row) => `<section class="amendment">
<h2>${escapeXml(l.amendmentNo)} ${row.number} — ${escapeXml(row.clause)} (${escapeXml(row.kind)})</h2>
<table>
<thead><tr><th scope="col">${escapeXml(l.textProposed)}</th><th scope="col">${escapeXml(l.amendment)}</th></tr></thead>
<tbody><tr><td>${column(row.diff, 'before')}</td><td>${column(row.diff, 'after')}</td></tr></tbody>
</table>
<dl>
<dt>${escapeXml(l.tabledBy)}</dt><dd>${escapeXml(row.tabledBy)}</dd>
${row.cosponsors.length > 0 ? `<dt>${escapeXml(l.cosponsors)}</dt><dd>${row.cosponsors.map(escapeXml).join('; ')}</dd>\n` : ''}<dt>${escapeXml(l.justification)}</dt><dd>${text(row.justification)}</dd>
<dt>${escapeXml(l.state)}</dt><dd>${escapeXml(row.state)}</dd>
${row.clauseStatus ? `<dt>${escapeXml(NEGOTIATION_EXPORT_LABELS[language].clauseStatus)}</dt><dd>${escapeXml(row.clauseStatus)}</dd>\n` : ''}${row.decision ? `<dt>${escapeXml(l.decision)}</dt><dd>${text(row.decision)}</dd>\n` : ''}</dl>
</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeXml(`${l.title} — ${title}`)}</title>
<style>
body { font-family: serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #444; padding: 0.5rem; vertical-align: top; text-align: left; }
del { text-decoration: line-through; } ins { text-decoration: none; }
dt { font-weight: bold; } dd { margin: 0 0 0.25rem 1rem; }
</style>
</head>
<body>
<h1>${escapeXml(`${l.title} — ${title}`)}</h1>
<p>${escapeXml(l.legend)}</p>
${body}
</body>
</html>
`;
}
