import { useCallback, useEffect, useState } from 'react';
import { versionsApi, type PresentedProposal, type PresentedVersion } from '../api/versionsApi';
import type { CollabSession } from '../collab/CollabSession';

export type VersionsState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; versions: PresentedVersion[]; proposals: PresentedProposal[] };

/**
 * A document's versions (newest first) and freeze proposals, loaded again when the server says
 * a version was frozen (`version.created`, by anyone) and when the caller asks (`reload`).
 */
export function useVersions(
  documentId: string,
  session: CollabSession | null,
): {
  state: VersionsState;
  reload(): void;
  lastCreated: { number: number; name: string; actorId: string } | null;
} {
  const [state, setState] = useState<VersionsState>({ status: 'loading' });
  const [key, setKey] = useState(0);
  const [lastCreated, setLastCreated] = useState<{ number: number; name: string; actorId: string } | null>(
    null,
  );
  const reload = useCallback(() => setKey((current) => current + 1), []);

  useEffect(() => {
    if (!session) return;
    return session.on('version.created', (event) => {
      setLastCreated({ number: event.number, name: event.name, actorId: event.actorId });
      reload();
    });
  }, [session, reload]);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      versionsApi.listVersions(documentId, controller.signal),
      versionsApi.listProposals(documentId, controller.signal),
    ])
      .then(([{ versions }, { proposals }]) =>
        setState({
          status: 'ready',
          versions: [...versions].sort((a, b) => b.number - a.number),
          proposals,
        }),
      )
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // keep showing the list we have when a refresh fails
        setState((current) => (current.status === 'ready' ? current : { status: 'failed', error }));
      });
    return () => controller.abort();
  }, [documentId, key]);

  return { state, reload, lastCreated };
}
