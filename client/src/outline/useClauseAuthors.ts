import { useEffect, useState } from 'react';
import type { PresentedClauseAuthors } from '@accord/shared';
import { structureApi } from '../api/accordApi';

export type ClauseAuthorsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; authors: PresentedClauseAuthors }
  | { status: 'failed'; error: unknown };

type Answer = { clauseId: string } & (
  { status: 'ready'; authors: PresentedClauseAuthors } | { status: 'failed'; error: unknown }
);

/** Reads who wrote a clause (null: nothing asked); a new clause or closing cancels the request. */
export function useClauseAuthors(documentId: string, clauseId: string | null): ClauseAuthorsState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!clauseId) return;
    const controller = new AbortController();
    structureApi.getClauseAuthors(documentId, clauseId, controller.signal).then(
      (authors) => setAnswer({ clauseId, status: 'ready', authors }),
      (error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ clauseId, status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [documentId, clauseId]);
  if (!clauseId) return { status: 'idle' };
  // an answer about another clause (or an earlier opening of this one) is not shown
  if (!answer || answer.clauseId !== clauseId) return { status: 'loading' };
  return answer;
}
