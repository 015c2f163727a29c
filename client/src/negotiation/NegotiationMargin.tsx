import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseStatus } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { useSessionEditor } from '../outline/useSessionEditor';
import type { NegotiationStore } from './NegotiationStore';
import { negotiationMarginKey, negotiationMarginPlugin, type MarginUpdate } from './negotiationMarginPlugin';
import { useNegotiation } from './useNegotiation';
import './negotiation.css';

/** Puts the clauses' negotiation statuses in the editor's margin (renders nothing itself). */
export function NegotiationMargin({
  session,
  store,
}: {
  session: CollabSession | null;
  store: NegotiationStore;
}) {
  const { t, i18n } = useTranslation();
  const editor = useSessionEditor(session);
  const { statuses } = useNegotiation(store);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(negotiationMarginPlugin());
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(negotiationMarginKey);
    };
  }, [editor]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const update: MarginUpdate = {
      statuses: new Map([...statuses].map(([clauseId, s]) => [clauseId, s.status])),
      label: (status: ClauseStatus) => t(`negotiation.status.${status}`),
    };
    editor.view.dispatch(
      editor.state.tr.setMeta(negotiationMarginKey, update).setMeta('addToHistory', false),
    );
  }, [editor, statuses, t, i18n.language]);

  return null;
}
