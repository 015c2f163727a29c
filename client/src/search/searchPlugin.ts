import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findTextMatches, type DocMatch } from './findTextMatches';

export interface SearchState {
  query: string;
  matches: DocMatch[];
  /** index of the current match in `matches`; -1 when there is none */
  current: number;
  decorations: DecorationSet;
}

/** what a transaction asks of the search (its meta) */
export type SearchAction =
  { type: 'query'; query: string } | { type: 'step'; by: 1 | -1 } | { type: 'clear' };

export const searchKey = new PluginKey<SearchState>('documentSearch');

const EMPTY: SearchState = { query: '', matches: [], current: -1, decorations: DecorationSet.empty };

function build(state: EditorState, query: string, current: number): SearchState {
  const matches = findTextMatches(state.doc, query);
  const at = matches.length === 0 ? -1 : Math.min(Math.max(current, 0), matches.length - 1);
  const decorations = DecorationSet.create(
    state.doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, {
        class: i === at ? 'search-match search-match--current' : 'search-match',
        ...(i === at ? { 'data-search-current': 'true' } : {}),
      }),
    ),
  );
  return { query, matches, current: at, decorations };
}

/** The current match after the text changed: the first match at or after where it was. */
function keepPlace(tr: Transaction, old: SearchState, next: DocMatch[]): number {
  const was = old.matches[old.current];
  if (!was) return 0;
  const from = tr.mapping.map(was.from);
  const index = next.findIndex((m) => m.to > from);
  return index < 0 ? 0 : index;
}

/**
 * Highlights every match of the search query in the text, as decorations (never in the document,
 * so searching changes nothing anyone else sees); one of them is the current match. Matches are
 * found again when the text changes (someone else typing included).
 */
export function searchPlugin(): Plugin<SearchState> {
  return new Plugin<SearchState>({
    key: searchKey,
    state: {
      init: () => EMPTY,
      apply(tr, old, _before, state) {
        const action = tr.getMeta(searchKey) as SearchAction | undefined;
        if (action?.type === 'clear') return EMPTY;
        if (action?.type === 'query') return action.query.trim() ? build(state, action.query, 0) : EMPTY;
        if (action?.type === 'step') {
          const count = old.matches.length;
          if (count === 0) return old;
          return build(state, old.query, (old.current + action.by + count) % count);
        }
        if (!old.query || !tr.docChanged) return old;
        const next = build(state, old.query, 0);
        return next.matches.length === 0 ? next : build(state, old.query, keepPlace(tr, old, next.matches));
      },
    },
    props: {
      decorations: (state) => searchKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}
