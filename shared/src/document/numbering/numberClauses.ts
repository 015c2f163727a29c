import type { DocumentLanguage } from '../../documentKinds.js';
import { CLAUSE_KIND_BY_NODE } from '../clauseKinds.js';
import { isValidClauseId } from '../ids/base62.js';
import type { ClauseNumber } from './ClauseNumber.js';
import { clauseLabel } from './clauseLabel.js';
import { toLetters } from './toLetters.js';
import { toRoman } from './toRoman.js';

/** How numberClauses reads a tree, so one algorithm serves JSON and ProseMirror nodes alike. */
export interface ClauseTreeAdapter<N> {
  type(node: N): string | undefined;
  clauseId(node: N): unknown;
  /** Children worth visiting (implementations skip text and textblocks). */
  children(node: N): Iterable<N>;
}

interface Context {
  /** Path prefix for numbered paragraphs and points below (the article's or annex's path). */
  path: string | null;
  pointLevel: number;
  parentId: string | null;
  depth: number;
  objective: string | null;
}

// Points: a), b) …; their sub-points: i), ii) …; below that: A), B) …, then the cycle repeats.
function pointNumber(n: number, level: number): string {
  switch ((level - 1) % 3) {
    case 0:
      return toLetters(n);
    case 1:
      return toRoman(n).toLowerCase();
    default:
      return toLetters(n).toUpperCase();
  }
}

/**
 * Numbers every clause of a document in one pre-order walk and reports each to `emit`.
 * Chapters, articles, recitals, objectives and annexes count across the whole document (an
 * article's number does not restart in a new chapter); paragraphs count within their article or
 * annex, points within their parent, actions within their objective. Nodes without a valid
 * clauseId are still counted, so a missing id never shifts the numbers of the others.
 */
export function numberClauses<N>(
  root: N,
  adapter: ClauseTreeAdapter<N>,
  language: DocumentLanguage,
  emit: (node: N, number: ClauseNumber) => void,
): void {
  const totals = { recital: 0, chapter: 0, article: 0, objective: 0, annex: 0 };

  const visit = (parent: N, ctx: Context): void => {
    const siblings = { paragraph: 0, point: 0, action: 0 };
    for (const node of adapter.children(parent)) {
      const type = adapter.type(node);
      const kind =
        type !== undefined && Object.hasOwn(CLAUSE_KIND_BY_NODE, type)
          ? CLAUSE_KIND_BY_NODE[type]
          : undefined;
      if (!kind) {
        // not a clause (or an unknown wrapper in foreign JSON): its clauses belong to our parent
        visit(node, ctx);
        continue;
      }
      let number: string;
      let path: string;
      const next: Context = { ...ctx, depth: ctx.depth + 1 };
      switch (kind) {
        case 'recital':
          number = String(++totals.recital);
          path = `recital.${number}`;
          break;
        case 'chapter': {
          const n = ++totals.chapter;
          number = toRoman(n);
          path = `chapter.${number}`;
          break;
        }
        case 'article': {
          const n = ++totals.article;
          number = String(n);
          path = number;
          next.path = path;
          next.pointLevel = 0;
          break;
        }
        case 'annex':
          number = toRoman(++totals.annex);
          path = `annex.${number}`;
          next.path = path;
          next.pointLevel = 0;
          break;
        case 'paragraph':
          number = String(++siblings.paragraph);
          path = ctx.path ? `${ctx.path}.${number}` : number;
          next.path = path;
          next.pointLevel = 0;
          break;
        case 'point':
          number = pointNumber(++siblings.point, ctx.pointLevel + 1);
          path = ctx.path ? `${ctx.path}.${number}` : number;
          next.path = path;
          next.pointLevel = ctx.pointLevel + 1;
          break;
        case 'objective':
          number = String(++totals.objective);
          path = `objective.${number}`;
          next.objective = number;
          break;
        case 'action': {
          const n = ++siblings.action;
          number = ctx.objective ? `${ctx.objective}.${n}` : String(n);
          path = ctx.objective ? `objective.${number}` : `action.${number}`;
          break;
        }
      }
      const label = clauseLabel(kind, number, language);
      emit(node, { kind, number, label, path, depth: ctx.depth, parentId: ctx.parentId });
      const id = adapter.clauseId(node);
      next.parentId = isValidClauseId(id) ? id : ctx.parentId;
      visit(node, next);
    }
  };

  visit(root, { path: null, pointLevel: 0, parentId: null, depth: 0, objective: null });
}
