import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedContent, PresentedThread } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { CommentBody } from '../comments/CommentBody';
import { clauseName } from '../comments/clauseName';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { personName } from '../components/personName';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; threads: PresentedThread[] };

/**
 * Beside a frozen version: today's comment threads on the clauses this version has, under the
 * clause's label in this version (comments are not frozen with a version; those on clauses the
 * version does not have are left out).
 */
export function VersionComments({ documentId, content }: { documentId: string; content: PresentedContent }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    accordApi
      .listComments(documentId, controller.signal)
      .then(({ threads }) => setLoaded({ status: 'ready', threads }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [documentId]);

  // the clauses as the interface names them ('Artigo 3, nº 1' in a Portuguese interface)
  const clauses = new Map(content.clauses.map((clause) => [clause.clauseId, clause]));
  const lookup = (clauseId: string) => clauses.get(clauseId);
  const translate = (key: string, values?: Record<string, string>) => t(key, values ?? {});
  const labels = new Map(
    content.clauses.map((clause) => [clause.clauseId, clauseName(clause, lookup, translate, i18n.language)]),
  );
  const threads =
    loaded.status === 'ready'
      ? loaded.threads.filter((thread) => labels.has(thread.anchor.currentClauseId ?? thread.anchor.clauseId))
      : [];

  return (
    <section className="version-comments panel" aria-labelledby="version-comments-title">
      <h3 id="version-comments-title">{t('versions.view.comments', { count: threads.length })}</h3>
      <p className="hint">{t('versions.view.commentsIntro')}</p>
      {loaded.status === 'loading' && <LoadingState compact label={t('versions.view.commentsLoading')} />}
      {loaded.status === 'failed' && <Alert tone="error">{errorMessage(loaded.error)}</Alert>}
      {loaded.status === 'ready' && threads.length === 0 && <p>{t('versions.view.noComments')}</p>}
      <ol className="version-comments__list">
        {threads.map((thread) => (
          <li key={thread.id} data-testid="version-comment">
            <p className="version-comments__meta">
              <strong>{labels.get(thread.anchor.currentClauseId ?? thread.anchor.clauseId)}</strong> ·{' '}
              {personName(t, thread.comment.author.name)}
              {thread.status === 'resolved' && <> · {t('comments.thread.resolved')}</>}
            </p>
            {thread.anchor.quote && <blockquote>{thread.anchor.quote}</blockquote>}
            {thread.comment.body !== null && <CommentBody body={thread.comment.body} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
