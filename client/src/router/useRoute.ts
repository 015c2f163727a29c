import { useSyncExternalStore } from 'react';
import { NAVIGATE_EVENT } from './navigate';
import { matchRoute, type Route } from './matchRoute';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getLocation = () => window.location.pathname + window.location.search;

/** The current route; re-renders on navigate() and on the browser's back/forward. */
export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, getLocation);
  const url = new URL(location, window.location.origin);
  return matchRoute(url.pathname, url.search);
}
