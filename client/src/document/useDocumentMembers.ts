import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { PresentedInvitation, PresentedMember } from '@accord/shared';
import { accordApi } from '../api/accordApi';

export type MembersState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  /** `invitations`: the pending ones, for those who manage members (the server sends them no one else) */
  | { status: 'ready'; members: PresentedMember[]; invitations: PresentedInvitation[] | null };

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
      .then(({ members, invitations }) =>
        setState({ status: 'ready', members, invitations: invitations ?? null }),
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [documentId, refreshKey]);
  return [state, setState];
}
