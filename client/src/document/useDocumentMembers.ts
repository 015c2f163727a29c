import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { PresentedMember } from '@accord/shared';
import { accordApi } from '../api/accordApi';

export type MembersState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; members: PresentedMember[] };

/**
 * The members of a document, loaded again whenever `refreshKey` changes; the setter lets the
 * caller apply its own changes at once.
 */
export function useDocumentMembers(
  documentId: string,
  refreshKey = 0,
): [MembersState, Dispatch<SetStateAction<MembersState>>] {
  const [state, setState] = useState<MembersState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    accordApi
      .listMembers(documentId, controller.signal)
      .then(({ members }) => setState({ status: 'ready', members }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [documentId, refreshKey]);
  return [state, setState];
}
