import { useEffect, useState } from 'react';
import type { CanonicalClause, VersionRef } from '@accord/shared';
import { versionsApi, type ComparisonAnswer } from '../api/versionsApi';

export type ComparisonState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; comparison: ComparisonAnswer; toClauses: CanonicalClause[] | null };

/**
 * The comparison of two versions (GET /compare), with the clauses of `to` (its rendering): they
 * name paragraphs by their article and fill in the unchanged clauses. The comparison alone is
 * enough to show: if the rendering cannot be read, the view still works.
 */
export function useComparison(documentId: string, from: VersionRef | null, to: VersionRef): ComparisonState {
  const key = `${from}:${to}`;
  const [answer, setAnswer] = useState<{ key: string; state: ComparisonState } | null>(null);
  useEffect(() => {
    if (from === null) return;
    const controller = new AbortController();
    const setState = (state: ComparisonState) => setAnswer({ key: `${from}:${to}`, state });
    const toContent = (
      to === 'live'
        ? versionsApi.liveContent(documentId, controller.signal)
        : versionsApi.getVersion(documentId, to, controller.signal).then(({ content }) => content)
    ).then(
      (content) => content.clauses,
      () => null,
    );
    Promise.all([versionsApi.compare(documentId, from, to, controller.signal), toContent])
      .then(([comparison, toClauses]) => setState({ status: 'ready', comparison, toClauses }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [documentId, from, to]);
  // an answer for other versions is not shown while the new one loads
  return answer && answer.key === key ? answer.state : { status: 'loading' };
}
