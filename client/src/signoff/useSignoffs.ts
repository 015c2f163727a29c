import { useCallback, useEffect, useState } from 'react';
import type { PresentedSignoffRound } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { signoffApi } from './signoffApi';

export interface Signoffs {
  /** version number → its round */
  byVersion: ReadonlyMap<number, PresentedSignoffRound>;
  reload(): void;
}

/** The document's sign-off rounds, read again on every `signoff.changed` event. */
export function useSignoffs(documentId: string, session: CollabSession | null): Signoffs {
  const [byVersion, setByVersion] = useState<ReadonlyMap<number, PresentedSignoffRound>>(new Map());
  const [key, setKey] = useState(0);
  const reload = useCallback(() => setKey((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    signoffApi
      .list(documentId, controller.signal)
      .then(({ rounds }) => setByVersion(new Map(rounds.map((round) => [round.version, round]))))
      .catch(() => {
        // the versions view shows its own errors; rounds simply stay as they were
      });
    return () => controller.abort();
  }, [documentId, key]);

  useEffect(() => session?.on('signoff.changed', reload), [session, reload]);
  return { byVersion, reload };
}
