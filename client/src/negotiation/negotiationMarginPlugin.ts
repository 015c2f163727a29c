import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { ClauseStatus } from '@accord/shared';
import { STATUS_SYMBOL } from './statusSymbols';

export const negotiationMarginKey = new PluginKey<MarginState>('negotiationMargin');

interface MarginState {
  statuses: ReadonlyMap<string, ClauseStatus>;
  label: (status: ClauseStatus) => string;
  decorations: DecorationSet;
}

/** What the plugin is told when the statuses (or the interface language) change. */
export interface MarginUpdate {
  statuses: ReadonlyMap<string, ClauseStatus>;
  label: (status: ClauseStatus) => string;
}

function build(doc: PmNode, { statuses, label }: MarginUpdate): DecorationSet {
  if (statuses.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    // clauses hold blocks; nothing inside a paragraph or heading carries a clause id
    if (node.isTextblock) return false;
    const clauseId = node.attrs.clauseId as unknown;
    const status = typeof clauseId === 'string' ? statuses.get(clauseId) : undefined;
    if (status && status !== 'pending') {
      decorations.push(
        Decoration.widget(pos + 1, () => marker(status, label(status)), {
          side: -1,
          key: `${clauseId as string}:${status}:${label(status)}`,
          ignoreSelection: true,
        }),
      );
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

function marker(status: ClauseStatus, text: string): HTMLElement {
  const element = document.createElement('span');
  element.className = `clause-status clause-status--${status} clause-status--margin`;
  element.contentEditable = 'false';
  element.setAttribute('data-testid', 'margin-status');
  element.setAttribute('data-status', status);
  const symbol = document.createElement('span');
  symbol.setAttribute('aria-hidden', 'true');
  symbol.className = 'clause-status__symbol';
  symbol.textContent = STATUS_SYMBOL[status];
  element.append(symbol, ` ${text}`);
  return element;
}

/**
 * The negotiation status of each clause (other than pending) in the editor's margin, as a symbol
 * and words at the start of the clause. Told of statuses by a transaction meta (MarginUpdate);
 * rebuilt when they or the document change, never stored in the document.
 */
export function negotiationMarginPlugin(): Plugin<MarginState> {
  return new Plugin<MarginState>({
    key: negotiationMarginKey,
    state: {
      init: () => ({ statuses: new Map(), label: String, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state: EditorState) {
        const update = tr.getMeta(negotiationMarginKey) as MarginUpdate | undefined;
        if (update) return { ...update, decorations: build(state.doc, update) };
        if (!tr.docChanged) return value;
        return { ...value, decorations: build(state.doc, value) };
      },
    },
    props: {
      decorations: (state) => negotiationMarginKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}
