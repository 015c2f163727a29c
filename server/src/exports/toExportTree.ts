import {
  bracketOpening,
  isAllowedLinkHref,
  isValidBracketOption,
  jsonTreeAdapter,
  MARK,
  NODE,
  numberClauses,
  plainText,
  type CanonicalClause,
  type CanonicalDocument,
} from '@accord/shared';
import type { ExportBlock, ExportInline, ExportParagraph, ExportTree } from './ExportTree.js';

type JSONContent = CanonicalDocument['tree'];

const isInline = (node: JSONContent | undefined) => node?.type === NODE.text || node?.type === NODE.hardBreak;
const childrenOf = (node: JSONContent): JSONContent[] =>
  Array.isArray(node.content)
    ? node.content.filter((c): c is JSONContent => !!c && typeof c === 'object')
    : [];

function inlines(node: JSONContent): ExportInline[] {
  const runs: ExportInline[] = [];
  for (const child of childrenOf(node)) {
    if (child.type === NODE.hardBreak) {
      runs.push({ type: 'break' });
      continue;
    }
    // other inline nodes (foreign content) keep their text, as in the canonical rendering
    const text =
      child.type === NODE.text ? (typeof child.text === 'string' ? child.text : '') : plainText(child);
    if (!text) continue;
    const marks = Array.isArray(child.marks) ? child.marks : [];
    const link = marks.find((m) => m?.type === MARK.link)?.attrs?.href;
    const bracketMark = marks.find((m) => m?.type === MARK.bracketed);
    const option: unknown = bracketMark?.attrs?.option;
    runs.push({
      type: 'text',
      text,
      bold: marks.some((m) => m?.type === MARK.bold),
      italic: marks.some((m) => m?.type === MARK.italic),
      href: isAllowedLinkHref(link) ? link : null,
      // only on bracketed runs: the others keep the shape they always had
      ...(bracketMark
        ? { bracket: typeof option === 'string' && isValidBracketOption(option) ? option : '' }
        : {}),
    });
  }
  return withBrackets(runs);
}

/** The bracket characters around each bracketed span, as runs of their own: "[Option A: " … "]". */
function withBrackets(runs: ExportInline[]): ExportInline[] {
  if (!runs.some((run) => run.type === 'text' && typeof run.bracket === 'string')) return runs;
  const out: ExportInline[] = [];
  const bracketRun = (text: string, bracket: string): ExportInline => ({
    type: 'text',
    text,
    bold: false,
    italic: false,
    href: null,
    bracket,
  });
  let open: string | null = null;
  for (const run of runs) {
    if (run.type === 'text' && (run.bracket ?? null) !== open) {
      if (open !== null) out.push(bracketRun(']', open));
      open = run.bracket ?? null;
      if (open !== null) out.push(bracketRun(bracketOpening(open || null), open));
    }
    out.push(run);
  }
  if (open !== null) out.push(bracketRun(']', open));
  return out;
}

const paragraph = (node: JSONContent): ExportParagraph => ({
  type: 'paragraph',
  inlines: node.type === NODE.text ? inlines({ content: [node] }) : inlines(node),
});
const isEmpty = (p: ExportParagraph) => p.inlines.every((r) => r.type === 'text' && !r.text.trim());

/**
 * The canonical rendering's tree as blocks for the exporters. Clauses are matched to the
 * canonical clauses by walking the tree with the same function that numbered them
 * (numberClauses), so a clause without an id or with a duplicate id still gets its own number.
 * Nothing is dropped: content of unknown nodes is kept as paragraphs; only empty paragraphs go.
 */
export function toExportTree(canonical: CanonicalDocument): ExportTree {
  const clauseOf = new Map<JSONContent, CanonicalClause>();
  let index = 0;
  numberClauses(canonical.tree, jsonTreeAdapter, canonical.language, (node) => {
    const clause = canonical.clauses[index++];
    if (clause) clauseOf.set(node, clause);
  });

  const blocks = (nodes: JSONContent[], out: ExportBlock[] = []): ExportBlock[] => {
    for (const node of nodes) {
      const clause = clauseOf.get(node);
      if (clause) {
        const kids = childrenOf(node);
        const own = kids.some(isInline)
          ? [paragraph(node)].filter((p) => !isEmpty(p))
          : blocks(kids[0]?.type === NODE.clauseHeading ? kids.slice(1) : kids);
        out.push({ type: 'clause', clause, children: own });
      } else if (node.type === NODE.text || childrenOf(node).some(isInline) || node.type === NODE.paragraph) {
        const p = paragraph(node);
        if (!isEmpty(p)) out.push(p);
      } else {
        blocks(childrenOf(node), out);
      }
    }
    return out;
  };

  const top = childrenOf(canonical.tree);
  const preambleNode = top.find((n) => n.type === NODE.preamble);
  return {
    title: canonical.title,
    preamble: preambleNode ? blocks(childrenOf(preambleNode)) : null,
    body: blocks(top.filter((n) => n !== preambleNode && n.type !== NODE.title)),
  };
}
