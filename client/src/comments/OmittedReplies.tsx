import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadStore } from './ThreadStore';
import { ActionError } from './ActionError';

/**
 * In low-data mode a thread comes without its replies: this button loads them (the whole thread,
 * GET /api/comments/:id) when the reader wants them.
 */
export function OmittedReplies({
  threadId,
  count,
  store,
}: {
  threadId: string;
  count: number;
  store: ThreadStore;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      await store.loadReplies(threadId);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <div className="thread__omitted">
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={busy}
        aria-busy={busy}
        onClick={() => void load()}
      >
        {busy ? t('comments.thread.loadingReplies') : t('comments.thread.showReplies', { count })}
      </button>
      <ActionError error={error} />
    </div>
  );
}
