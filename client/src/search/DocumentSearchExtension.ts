import { Extension } from '@tiptap/core';
import { searchKey, searchPlugin, type SearchAction } from './searchPlugin';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    documentSearch: {
      /** highlights the matches of `query` (empty: none), the first one current */
      setSearchQuery: (query: string) => ReturnType;
      /** makes the next (1) or previous (-1) match current, wrapping around */
      stepSearch: (by: 1 | -1) => ReturnType;
      clearSearch: () => ReturnType;
    };
  }
}

const act =
  (action: SearchAction) =>
  ({ tr, dispatch }: { tr: import('@tiptap/pm/state').Transaction; dispatch?: unknown }) => {
    if (dispatch) tr.setMeta(searchKey, action).setMeta('addToHistory', false);
    return true;
  };

/** Find in the document: highlights of a query's matches and a current one (searchPlugin). */
export const DocumentSearchExtension = Extension.create({
  name: 'documentSearch',
  addProseMirrorPlugins: () => [searchPlugin()],
  addCommands: () => ({
    setSearchQuery: (query: string) => act({ type: 'query', query }),
    stepSearch: (by: 1 | -1) => act({ type: 'step', by }),
    clearSearch: () => act({ type: 'clear' }),
  }),
});
