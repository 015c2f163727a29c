import { useEffect, useRef } from 'react';

/**
 * After an in-app navigation, moves focus to the new page's main region so keyboard and
 * screen-reader users start at its content, as they would after a full page load.
 */
export function useFocusOnNavigate(pageKey: string, mainId: string): void {
  const previous = useRef(pageKey);
  useEffect(() => {
    if (previous.current === pageKey) return;
    previous.current = pageKey;
    const main = document.getElementById(mainId);
    const heading = main?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    } else {
      main?.focus();
    }
  }, [pageKey, mainId]);
}
