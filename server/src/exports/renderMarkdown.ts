import type { ExportInput } from './ExportInput.js';
import type { ExportBlock, ExportClause, ExportInline } from './ExportTree.js';
import { actionCells } from './actionCells.js';
import { clauseTitle } from './clauseTitle.js';
import { documentFacts } from './documentFacts.js';
import { EXPORT_LABELS } from './exportLabels.js';
import { groupActionRuns } from './groupActionRuns.js';
import { headingLevel } from './headingLevel.js';
import { signoffSection } from './signoffSection.js';
import { toExportTree } from './toExportTree.js';

// Characters that are markup anywhere in CommonMark/GFM text ("|" ends a table cell).
const escapeText = (s: string) => s.replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
// …and at the start of a line, what would open a heading, list, quote or rule.
const escapeLineStart = (line: string) =>
  line.replace(
    /^(\s*)(#|[-+=]|\d+(?=[.)]))/,
    (_m, sp: string, c: string) => `${sp}${/\d/.test(c) ? `${c}\\` : `\\${c}`}`,
  );
// A link destination in <…>: only these two characters could end it early.
const escapeHref = (href: string) => href.replace(/[<>\s]/g, (c) => encodeURIComponent(c));

function inlineMarkdown(runs: ExportInline[]): string {
  const text = runs
    .map((run) => {
      if (run.type === 'break') return '\\\n';
      // emphasis markers must hug the text: keep surrounding spaces outside them
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
      if (!core) return run.text;
      let md = escapeText(core);
      if (run.bold) md = `**${md}**`;
      if (run.italic) md = `*${md}*`;
      if (run.href) md = `[${md}](<${escapeHref(run.href)}>)`;
      return `${lead}${md}${trail}`;
    })
    .join('');
  return text.split('\n').map(escapeLineStart).join('\n');
}

// Clause numbers are escaped ("1\.") so that Markdown shows them as written instead of
// renumbering them as a list.
const labelMarkdown = (label: string) => escapeLineStart(escapeText(label));
const cell = (s: string) => escapeText(s).replace(/\n/g, '<br>');

/**
 * The document as Markdown (CommonMark with GFM tables): title and facts, then the text with
 * headings "## Chapter I — General provisions" / "### Article 1 — Purpose", numbered
 * paragraphs and points as written ("1.", "a)"), and actions as tables.
 */
export function renderMarkdown(input: ExportInput): string {
  const { canonical } = input;
  const labels = EXPORT_LABELS[canonical.language];
  const tree = toExportTree(canonical);
  const out: string[] = [];

  const actionsTable = (actions: ExportClause[]) => {
    const head = [labels.action, labels.lead, labels.partners, labels.dates, labels.indicator, labels.status];
    const rows = actions.map((a) => {
      const c = actionCells(a.clause.fields, labels);
      const description = a.children
        .map((b) =>
          b.type === 'paragraph'
            ? inlineMarkdown(b.inlines).replace(/\\\n|\n/g, '<br>')
            : cell(clauseTitle(b.clause)),
        )
        .join('<br>');
      const first = `**${cell(clauseTitle(a.clause))}**${description ? `<br>${description}` : ''}`;
      return [first, cell(c.lead), cell(c.partners), cell(c.dates), cell(c.indicator), cell(c.status)];
    });
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    out.push([line(head.map(cell)), line(head.map(() => '---')), ...rows.map(line)].join('\n'));
    // sub-clauses of actions (not in the schema, but never dropped)
    for (const a of actions) blocks(a.children.filter((b) => b.type === 'clause'));
  };

  const clause = (c: ExportClause) => {
    const level = headingLevel(c.clause);
    if (level !== null) {
      out.push(`${'#'.repeat(level + 1)} ${escapeText(clauseTitle(c.clause))}`);
      blocks(c.children);
      return;
    }
    if (c.clause.kind === 'recital') {
      blocks(c.children);
      return;
    }
    const [first, ...rest] = c.children;
    if (first?.type === 'paragraph') {
      out.push(`${labelMarkdown(c.clause.label)} ${inlineMarkdown(first.inlines).replace(/^\s+/, '')}`);
      blocks(rest);
    } else {
      out.push(labelMarkdown(c.clause.label));
      blocks(c.children);
    }
  };

  function blocks(list: ExportBlock[]) {
    for (const run of groupActionRuns(list)) {
      if (run.type === 'actions') actionsTable(run.actions);
      else if (run.block.type === 'paragraph') out.push(inlineMarkdown(run.block.inlines));
      else clause(run.block);
    }
  }

  out.push(`# ${escapeText(tree.title)}`);
  out.push(
    documentFacts(input)
      .map(
        (f) =>
          `- **${escapeText(f.label)}:** ${f.code ? `\`${f.value.replace(/`/g, '')}\`` : escapeText(f.value)}`,
      )
      .join('\n'),
  );
  out.push('---');
  if (tree.preamble) blocks(tree.preamble);
  blocks(tree.body);
  const signoff = signoffSection(input);
  if (signoff) {
    out.push(`## ${escapeText(signoff.title)}`);
    out.push(
      signoff.none
        ? escapeText(signoff.none)
        : signoff.entries.map((e) => `- ${escapeText(e.text)}`).join('\n'),
    );
    if (signoff.override) out.push(escapeText(signoff.override));
  }
  return `${out.join('\n\n')}\n`;
}
