import { useSyncExternalStore } from 'react';

/** The phone layout's width; styles.css and phone.css use the same breakpoint. */
export const PHONE_QUERY = '(max-width: 40rem)';

const subscribe = (listener: () => void) => {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
};
const getSnapshot = () => window.matchMedia(PHONE_QUERY).matches;

/** Whether the window is phone-sized now; follows rotations and resizes. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot);
}
