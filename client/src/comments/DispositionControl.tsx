import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMMENT_DISPOSITIONS,
  DISPOSITIONS_NEEDING_REASON,
  type CommentDisposition,
  type PresentedThread,
} from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { useDateFormat } from '../i18n/useDateFormat';
import { ActionError } from './ActionError';
import { RevisionHistory } from './RevisionHistory';
import type { ThreadStore } from './ThreadStore';
import { useThreadAction } from './useThreadAction';
import { personName } from '../components/personName';

interface DispositionControlProps {
  thread: PresentedThread;
  store: ThreadStore;
}

/**
 * A thread's disposition for the disposition-of-comments report: the latest one, shown to every
 * reader, and for coordinators a form to record it (accepted, partially accepted, not accepted,
 * noted; a reason required for the two that turn the comment down in part or whole).
 */
export function DispositionControl({ thread, store }: DispositionControlProps) {
  const { t } = useTranslation();
  const id = useId();
  const format = useDateFormat({ dateStyle: 'medium' });
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState(false);
  const [value, setValue] = useState<CommentDisposition>(thread.disposition?.value ?? 'accepted');
  const [reason, setReason] = useState(thread.disposition?.reason ?? '');
  const { busy, error, run } = useThreadAction(store, () => undefined);
  const reasonNeeded = DISPOSITIONS_NEEDING_REASON.has(value);
  const missingReason = reasonNeeded && reason.trim() === '';
  const current = thread.disposition;

  return (
    <div className="thread__disposition">
      {current && (
        <p data-testid="thread-disposition" data-disposition={current.value}>
          <strong>{t(`comments.disposition.value.${current.value}`)}</strong>
          {current.reason && <> — {current.reason}</>}{' '}
          <span className="thread__disposition-by">
            {t('comments.disposition.by', {
              name: personName(t, current.by.name),
              date: format.format(new Date(current.at)),
            })}
          </span>
        </p>
      )}
      {current && (
        <button
          type="button"
          className="button button--quiet button--small"
          aria-expanded={history}
          onClick={() => setHistory((shown) => !shown)}
        >
          {t('comments.disposition.history')}
        </button>
      )}
      {history && current && (
        <RevisionHistory key={current.at} commentId={thread.id} revision={thread.comment.revision} />
      )}
      {thread.canRecordDisposition && !open && (
        <button type="button" className="button button--quiet button--small" onClick={() => setOpen(true)}>
          {current ? t('comments.disposition.change') : t('comments.disposition.record')}
        </button>
      )}
      {open && (
        <form
          className="thread__disposition-form"
          aria-label={t('comments.disposition.formLabel')}
          onSubmit={(event) => {
            event.preventDefault();
            if (missingReason) return;
            void run(() => accordApi.recordDisposition(thread.id, value, reason.trim() || null)).then(() =>
              setOpen(false),
            );
          }}
        >
          <label htmlFor={`${id}-value`}>{t('comments.disposition.valueLabel')}</label>
          <select
            id={`${id}-value`}
            value={value}
            onChange={(event) => setValue(event.target.value as CommentDisposition)}
          >
            {COMMENT_DISPOSITIONS.map((option) => (
              <option key={option} value={option}>
                {t(`comments.disposition.value.${option}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-reason`}>
            {reasonNeeded
              ? t('comments.disposition.reasonRequired')
              : t('comments.disposition.reasonOptional')}
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={2}
            aria-invalid={missingReason || undefined}
            aria-describedby={missingReason ? `${id}-hint` : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {missingReason && (
            <p id={`${id}-hint`} className="field-hint">
              {t('comments.disposition.reasonHint')}
            </p>
          )}
          <div className="thread__actions">
            <button type="submit" className="button button--small" disabled={busy || missingReason}>
              {t('comments.disposition.save')}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setOpen(false)}
            >
              {t('comments.disposition.cancel')}
            </button>
          </div>
        </form>
      )}
      <ActionError error={error} />
    </div>
  );
}
