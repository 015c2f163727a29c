import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { CLAUSE_KIND_BY_NODE, getNumbering, NODE, type ClauseKind } from '@accord/shared';

/** One line of the outline: a clause that has a heading (chapter, article, objective, action, annex). */
export interface OutlineEntry {
  clauseId: string;
  kind: ClauseKind;
  /** "Article 3", "Chapitre premier", "Acción 1.2": as the text shows it, in the document's language */
  label: string;
  /** the bare number ("3", "I", "1.2"), to name the clause in the interface's language */
  number: string;
  heading: string;
  /** 1 for top-level entries, 2 for those inside a chapter or an objective */
  level: number;
  parentId: string | null;
  /** position of the clause in the document when the outline was computed */
  pos: number;
}

export interface OutlineModel {
  entries: OutlineEntry[];
  counts: Record<ClauseKind, number>;
}

const HEADED = new Set<string>([NODE.chapter, NODE.article, NODE.objective, NODE.action, NODE.annex]);
// nodes whose children can be outline entries; deeper levels (paragraphs, points) are only counted
const CONTAINERS = new Set<string>([NODE.doc, NODE.chapter, NODE.objective]);

const emptyCounts = (): Record<ClauseKind, number> => ({
  recital: 0,
  chapter: 0,
  article: 0,
  paragraph: 0,
  point: 0,
  objective: 0,
  action: 0,
  annex: 0,
});

function headingOf(node: PMNode): string {
  const first = node.firstChild;
  return first?.type.name === NODE.clauseHeading ? first.textContent.trim() : '';
}

/**
 * The outline of the editor's current document, with the numbers the Numbering plugin computed
 * for the same state (no second numbering pass). Walks only the structure: textblocks are never
 * entered, so typing in a 100-article document costs a few hundred node visits.
 */
export function outlineEntries(state: EditorState): OutlineModel {
  const numbers = getNumbering(state)?.numbers;
  const entries: OutlineEntry[] = [];
  const counts = emptyCounts();
  const walk = (parent: PMNode, offset: number, level: number, parentId: string | null) => {
    parent.forEach((child, childOffset) => {
      const name = child.type.name;
      const pos = offset + childOffset;
      const kind = Object.hasOwn(CLAUSE_KIND_BY_NODE, name) ? CLAUSE_KIND_BY_NODE[name] : undefined;
      if (kind) counts[kind]++;
      if (child.isTextblock) return;
      const clauseId = typeof child.attrs.clauseId === 'string' ? child.attrs.clauseId : '';
      if (HEADED.has(name) && kind && clauseId && CONTAINERS.has(parent.type.name)) {
        entries.push({
          clauseId,
          kind,
          label: numbers?.get(clauseId)?.label ?? '',
          number: numbers?.get(clauseId)?.number ?? '',
          heading: headingOf(child),
          level,
          parentId,
          pos,
        });
        walk(child, pos + 1, level + 1, clauseId);
      } else {
        walk(child, pos + 1, level, parentId);
      }
    });
  };
  walk(state.doc, 0, 1, null);
  return { entries, counts };
}

/** True when two outlines would render the same (positions aside). */
export function sameOutline(a: OutlineModel, b: OutlineModel): boolean {
  if (a.entries.length !== b.entries.length) return false;
  for (const kind of Object.keys(a.counts) as ClauseKind[])
    if (a.counts[kind] !== b.counts[kind]) return false;
  return a.entries.every((entry, i) => {
    const other = b.entries[i]!;
    return (
      entry.clauseId === other.clauseId &&
      entry.label === other.label &&
      entry.heading === other.heading &&
      entry.level === other.level &&
      entry.parentId === other.parentId
    );
  });
}
