import { escapeXml } from '../escapeXml.js';
import { formatExportDate } from '../formatExportDate.js';
import type { DispositionReport, ReportComment } from './DispositionReport.js';
import { printedColumns, reportText } from './reportText.js';

const STYLE = `
@page { size: A4 landscape; margin: 15mm 12mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.5rem; font: 9.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
.subtitle { font-size: 1.1rem; margin: 0 0 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
code { font: 8.5pt "DejaVu Sans Mono", monospace; word-break: break-all; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
th, td { border: 1px solid #999; padding: 0.3rem 0.4rem; vertical-align: top; text-align: left; white-space: pre-line; overflow-wrap: anywhere; }
th { background: #eef2f7; }
th:first-child, td:first-child { white-space: nowrap; width: 1%; }
tr { break-inside: avoid; }
blockquote { margin: 0; font-style: italic; }
.by { color: #444; font-size: 8.5pt; }
.reply + .reply { margin-top: 0.4rem; }
.decision { font-weight: 700; }
@media print { body { padding: 0; } }
`;

/**
 * The report as one standalone HTML page (no scripts, no external files), in the document's
 * language, laid out to print on A4 landscape with the header row repeated on every page. Every
 * text from users is escaped.
 */
export function renderDispositionsHtml(report: DispositionReport): string {
  const text = reportText(report);
  const { labels } = text;
  const e = escapeXml;
  const date = (d: Date) => formatExportDate(d, report.language);
  const comment = (c: ReportComment, cls: string) =>
    `<div class="${cls}">${e(text.comment(c))}<div class="by">${e(text.byline(c))} · ${e(date(c.at))}</div></div>`;

  const head = printedColumns(labels);
  const rows = report.rows.map((row, i) => {
    const clause = text.clause(row);
    const author = [row.comment.author, row.comment.organisation, row.comment.country].filter(
      (v): v is string => !!v,
    );
    const decision = row.disposition
      ? `<div class="decision">${e(text.disposition(row))}</div>` +
        (row.disposition.reason ? `<div>${e(row.disposition.reason)}</div>` : '') +
        `<div class="by">${e(labels.recordedBy)}: ${e(row.disposition.by)} · ${e(date(row.disposition.at))}</div>`
      : `<div class="decision">${e(labels.pending)}</div>`;
    const cells = [
      e(String(i + 1)),
      e(clause.inVersion),
      e(clause.now),
      row.quote ? `<blockquote>${e(row.quote)}</blockquote>` : '',
      comment(row.comment, 'comment'),
      author.map(e).join('<br>'),
      e(text.status(row)),
      row.replies.map((reply) => comment(reply, 'reply')).join(''),
      decision,
    ];
    return `<tr id="thread-${e(row.threadId)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });

  const facts: Array<[string, string]> = [
    [labels.version, e(report.version.label)],
    [labels.date, e(date(report.version.date))],
    [labels.hash, `<code>${e(report.version.hash)}</code>`],
    [labels.document, `<code>${e(report.documentId)}</code>`],
  ];
  return `<!DOCTYPE html>
<html lang="${e(report.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${labels.title} — ${report.title} — ${report.version.label}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(labels.title)}</h1>
<p class="subtitle">${e(report.title)}</p>
<dl class="facts">${facts.map(([dt, dd]) => `<dt>${e(dt)}</dt><dd>${dd}</dd>`).join('')}</dl>
<p>${e(text.summary())}</p>
<table>
<thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
