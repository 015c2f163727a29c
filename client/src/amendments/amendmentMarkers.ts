import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PMNode } from '@tiptap/pm/model';
import { i18next } from '../i18n/i18n';

export const amendmentMarkersKey = new PluginKey<DecorationSet>('amendmentMarkers');

function markers(
  doc: PMNode,
  counts: Record<string, number>,
  onOpen: (clauseId: string) => void,
): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const clauseId = node.attrs.clauseId as unknown;
    const count = typeof clauseId === 'string' ? counts[clauseId] : undefined;
    if (count && typeof clauseId === 'string') {
      decorations.push(
        Decoration.widget(
          pos + 1,
          () => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'amendments-marker';
            button.contentEditable = 'false';
            button.dataset.testid = 'amendments-marker';
            button.textContent = `§ ${count}`;
            button.setAttribute('aria-label', i18next.t('amendments.marker', { count }));
            button.addEventListener('mousedown', (event) => event.preventDefault());
            button.addEventListener('click', () => onOpen(clauseId));
            return button;
          },
          { side: -1, key: `amendments-${clauseId}-${count}`, ignoreSelection: true },
        ),
      );
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Markers in the editor margin on every clause with open amendments ("§ 2"), which open the
 * amendments panel on that clause. Counts come from the amendments store; between two loads the
 * markers follow the text as it is edited.
 */
export function installAmendmentMarkers(
  editor: Editor,
  onOpen: (clauseId: string) => void,
): {
  update(counts: Record<string, number>): void;
  destroy(): void;
} {
  let counts: Record<string, number> = {};
  const plugin = new Plugin<DecorationSet>({
    key: amendmentMarkersKey,
    state: {
      init: (_, state) => markers(state.doc, counts, onOpen),
      apply: (tr, set) => {
        if (tr.getMeta(amendmentMarkersKey)) return markers(tr.doc, counts, onOpen);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => amendmentMarkersKey.getState(state) ?? null },
  });
  editor.registerPlugin(plugin);
  return {
    update(next) {
      counts = next;
      if (!editor.isDestroyed)
        editor.view.dispatch(
          editor.state.tr.setMeta(amendmentMarkersKey, true).setMeta('addToHistory', false),
        );
    },
    destroy() {
      if (!editor.isDestroyed) editor.unregisterPlugin(amendmentMarkersKey);
    },
  };
}
