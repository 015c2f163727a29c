import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentRevisionsResponse } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { LoadingState } from '../components/LoadingState';
import { useDateFormat } from '../i18n/useDateFormat';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { CommentBody } from './CommentBody';
import { personName } from '../components/personName';

/** Every revision of a comment, newest first, with who wrote it and when (key it by revision). */
export function RevisionHistory({ commentId, revision }: { commentId: string; revision: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const [loaded, setLoaded] = useState<{ data?: CommentRevisionsResponse; error?: unknown } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    accordApi
      .commentRevisions(commentId, controller.signal)
      .then((data) => setLoaded({ data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ error });
      });
    return () => controller.abort();
  }, [commentId, revision]);

  if (!loaded) return <LoadingState label={t('comments.history.loading')} compact />;
  if (!loaded.data) {
    return (
      <p className="comment-composer__error" role="alert">
        {errorMessage(loaded.error)}
      </p>
    );
  }
  const revisions = [...loaded.data.revisions].sort((a, b) => b.revision - a.revision);
  const dispositions = loaded.data.events.filter(
    (event) => event.type === 'disposition' && event.disposition,
  );
  return (
    <section
      className="revision-history"
      aria-label={t('comments.history.title')}
      data-testid="revision-history"
    >
      <h4 className="revision-history__title">{t('comments.history.title')}</h4>
      <ol className="revision-history__list">
        {revisions.map((item) => (
          <li key={item.revision} className="revision-history__item">
            <p className="revision-history__meta">
              {t('comments.history.revision', {
                number: item.revision,
                name: personName(t, item.author.name),
                time: format.format(new Date(item.at)),
              })}
            </p>
            <CommentBody body={item.body} />
          </li>
        ))}
      </ol>
      {dispositions.length > 0 && (
        <ol className="revision-history__list" aria-label={t('comments.disposition.historyLabel')}>
          {dispositions.map((event) => (
            <li key={event.seq} className="revision-history__item" data-testid="disposition-history">
              <p className="revision-history__meta">
                {t('comments.disposition.recorded', {
                  value: t(`comments.disposition.value.${event.disposition!.value}`),
                  name: personName(t, event.actor.name),
                  time: format.format(new Date(event.at)),
                })}
              </p>
              {event.disposition!.reason && <p>{event.disposition!.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
