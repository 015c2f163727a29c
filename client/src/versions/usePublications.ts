import { useCallback, useEffect, useState } from 'react';
import { versionsApi, type PresentedPublication } from '../api/versionsApi';

export type PublicationsState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; publications: PresentedPublication[] };

/** A document's publications, newest first; `add` shows one just published at once. */
export function usePublications(documentId: string, refreshKey: number) {
  const [state, setState] = useState<PublicationsState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    versionsApi
      .listPublications(documentId, controller.signal)
      .then(({ publications }) =>
        setState({
          status: 'ready',
          publications: [...publications].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)),
        }),
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [documentId, refreshKey]);

  const add = useCallback((publication: PresentedPublication) => {
    setState((current) =>
      current.status === 'ready'
        ? {
            status: 'ready',
            publications: [publication, ...current.publications.filter((p) => p.id !== publication.id)],
          }
        : { status: 'ready', publications: [publication] },
    );
  }, []);
  return { state, add };
}
