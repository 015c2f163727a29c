import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { NAVIGATE_EVENT, navigate } from '../router/navigate';
import { documentViewSearch, parseDocumentView, type DocumentView } from './documentView';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getSearch = () => window.location.search;

/** The document page's current view (from the address) and a way to show another one. */
export function useDocumentView(): [
  DocumentView,
  (view: DocumentView, options?: { replace?: boolean }) => void,
] {
  const search = useSyncExternalStore(subscribe, getSearch);
  const view = useMemo(() => parseDocumentView(search), [search]);
  const show = useCallback((next: DocumentView, options: { replace?: boolean } = {}) => {
    navigate(window.location.pathname + documentViewSearch(next), options);
  }, []);
  return [view, show];
}
