import type { ExportInput } from './ExportInput.js';
import type { ExportBlock, ExportClause, ExportInline } from './ExportTree.js';
import { actionCells } from './actionCells.js';
import { documentFacts } from './documentFacts.js';
import { escapeXml as esc } from './escapeXml.js';
import { EXPORT_LABELS, type ExportLabels } from './exportLabels.js';
import { groupActionRuns } from './groupActionRuns.js';
import { headingLevel } from './headingLevel.js';
import { signoffSection } from './signoffSection.js';
import { toExportTree } from './toExportTree.js';

// Print layout follows the editor (client/src/styles.css): chapter and annex labels centred in
// capitals, article labels bold above their heading, paragraph and point numbers hanging left.
const STYLE = `
@page { size: A4; margin: 22mm 20mm 24mm; @bottom-center { content: PAGE_FOOTER; font: 9pt "DejaVu Sans", Arial, sans-serif; color: #555; } }
@page :first { @bottom-center { content: none; } }
:root { color: #1d2430; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.5rem; font: 11pt/1.5 "DejaVu Serif", Georgia, "Times New Roman", serif; }
.cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.cover h1 { font: 700 2rem/1.25 "DejaVu Sans", Arial, sans-serif; margin: 0 0 2rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; font: 10pt "DejaVu Sans", Arial, sans-serif; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.facts code { font: 9pt "DejaVu Sans Mono", monospace; }
h2, h3, h4 { font-family: "DejaVu Sans", Arial, sans-serif; break-after: avoid; margin: 1.75rem 0 0.5rem; }
h2 { font-size: 1.2rem; } h3 { font-size: 1.05rem; } h4 { font-size: 1rem; }
.clause-title .num { display: block; color: #1f4e79; }
.clause-title .sep { display: none; }
.clause-chapter > .clause-title, .clause-annex > .clause-title { text-align: center; }
.clause-chapter > .clause-title .num, .clause-annex > .clause-title .num { text-transform: uppercase; letter-spacing: 0.05em; }
.preamble { border-bottom: 1px solid #c9ced6; padding-bottom: 0.5rem; margin-bottom: 1rem; }
p { margin: 0.5em 0; }
.clause-paragraph, .clause-point { position: relative; padding-left: 2.25rem; margin-top: 0.5em; }
.clause-paragraph > .num, .clause-point > .num { position: absolute; left: 0; top: 0.5em; font-variant-numeric: tabular-nums; }
.clause-paragraph > .body > p:first-child, .clause-point > .body > p:first-child { margin-top: 0.5em; }
table.actions { width: 100%; border-collapse: collapse; margin: 0.75rem 0; font: 9pt/1.35 "DejaVu Sans", Arial, sans-serif; }
table.actions th, table.actions td { border: 1px solid #c9ced6; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
table.actions thead th { background: #eef2f7; }
table.actions tr { break-inside: avoid; }
table.actions td p { margin: 0.25em 0 0; }
table.actions .num { font-weight: 700; }
.status { white-space: nowrap; }
.status-done { color: #1b6e3a; } .status-blocked { color: #a4262c; } .status-in_progress { color: #8a5a00; }
a { color: #1f4e79; }
`;

const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
// "Page {n} of {total}" → "Page " counter(page) " of " counter(pages)
const pageFooter = (labels: ExportLabels) =>
  labels.pageOf
    .split(/(\{n\}|\{total\})/)
    .filter(Boolean)
    .map((part) =>
      part === '{n}' ? 'counter(page)' : part === '{total}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');

function inlineHtml(runs: ExportInline[]): string {
  return runs
    .map((run) => {
      if (run.type === 'break') return '<br>';
      let html = esc(run.text);
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.href) html = `<a href="${esc(run.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

/**
 * The document as one standalone, print-ready HTML page: inline CSS with @page rules (A4,
 * "Page n of N" footers), a title page with version, date and hash, the text with clause
 * numbers and headings as in the editor, and actions as tables. All text is escaped; only
 * allowed links (http, https, mailto) become anchors.
 */
export function renderHtml(input: ExportInput): string {
  const { canonical } = input;
  const labels = EXPORT_LABELS[canonical.language];
  const tree = toExportTree(canonical);
  const usedIds = new Set<string>();

  const clauseAttrs = (c: ExportClause) => {
    const { clauseId, kind, path } = c.clause;
    let id = '';
    if (clauseId && !usedIds.has(clauseId)) {
      usedIds.add(clauseId);
      id = ` id="clause-${esc(clauseId)}" data-clause-id="${esc(clauseId)}"`;
    }
    return `class="clause clause-${kind}"${id} data-clause-kind="${kind}" data-path="${esc(path)}"`;
  };

  const titleHtml = (c: ExportClause) => {
    const heading = c.clause.heading?.trim();
    return (
      `<span class="num">${esc(c.clause.label)}</span>` +
      (heading ? `<span class="sep"> — </span><span class="heading">${esc(heading)}</span>` : '')
    );
  };

  const actionsTable = (actions: ExportClause[]): string => {
    const head = [labels.action, labels.lead, labels.partners, labels.dates, labels.indicator, labels.status]
      .map((h) => `<th scope="col">${esc(h)}</th>`)
      .join('');
    const rows = actions.map((a) => {
      const cells = actionCells(a.clause.fields, labels);
      const status = a.clause.fields?.status ?? '';
      return (
        `<tr ${clauseAttrs(a)}><td>${titleHtml(a)}${blocksHtml(a.children)}</td>` +
        `<td>${esc(cells.lead)}</td><td>${esc(cells.partners)}</td><td>${esc(cells.dates)}</td>` +
        `<td>${esc(cells.indicator)}</td>` +
        `<td><span class="status status-${esc(status.replace(/\W/g, '_'))}">${esc(cells.status)}</span></td></tr>`
      );
    });
    return `<table class="actions"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
  };

  const clauseHtml = (c: ExportClause): string => {
    const level = headingLevel(c.clause);
    if (level !== null) {
      const h = `h${level + 1}`;
      return `<section ${clauseAttrs(c)}>\n<${h} class="clause-title">${titleHtml(c)}</${h}>\n${blocksHtml(c.children)}</section>\n`;
    }
    if (c.clause.kind === 'recital') return `<div ${clauseAttrs(c)}>${blocksHtml(c.children)}</div>\n`;
    return `<div ${clauseAttrs(c)}><span class="num">${esc(c.clause.label)}</span><div class="body">${blocksHtml(c.children)}</div></div>\n`;
  };

  function blocksHtml(blocks: ExportBlock[]): string {
    return groupActionRuns(blocks)
      .map((run) => {
        if (run.type === 'actions') return `${actionsTable(run.actions)}\n`;
        const { block } = run;
        return block.type === 'paragraph' ? `<p>${inlineHtml(block.inlines)}</p>\n` : clauseHtml(block);
      })
      .join('');
  }

  const facts = documentFacts(input)
    .map((f) => `<dt>${esc(f.label)}</dt><dd>${f.code ? `<code>${esc(f.value)}</code>` : esc(f.value)}</dd>`)
    .join('\n');
  const lang = canonical.language;
  const signoff = signoffSection(input);
  const signoffHtml = signoff
    ? `<section class="endorsements">\n<h2>${esc(signoff.title)}</h2>\n` +
      (signoff.none
        ? `<p>${esc(signoff.none)}</p>\n`
        : `<ul>\n${signoff.entries.map((e) => `<li data-date="${e.isoDate}">${esc(e.text)}</li>\n`).join('')}</ul>\n`) +
      (signoff.override ? `<p class="override">${esc(signoff.override)}</p>\n` : '') +
      '</section>\n'
    : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(tree.title)}</title>
<meta name="generator" content="Accord">
<meta name="dcterms.identifier" content="${esc(input.documentId)}">
<meta name="dcterms.date" content="${input.version.date.toISOString()}">
<meta name="accord.version" content="${esc(input.version.label)}">
<meta name="accord.sha256" content="${esc(input.version.hash)}">
<style>${STYLE.replace('PAGE_FOOTER', pageFooter(labels))}</style>
</head>
<body>
<header class="cover">
<h1 class="doc-title">${esc(tree.title)}</h1>
<dl class="facts">
${facts}
</dl>
</header>
<main class="document document-${esc(input.documentKind)}">
${tree.preamble ? `<section class="preamble">\n${blocksHtml(tree.preamble)}</section>\n` : ''}${blocksHtml(tree.body)}</main>
${signoffHtml}</body>
</html>
`;
}
