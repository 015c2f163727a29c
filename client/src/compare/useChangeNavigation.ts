import { useCallback, useEffect, useRef, useState } from 'react';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/**
 * Moves between the changes of a comparison: `n` / Alt+↓ next, `p` / Alt+↑ previous (not while
 * typing in a field). Focus goes to the change, which is scrolled into view; `current` is its
 * position among the changes (-1 before the first).
 */
export function useChangeNavigation(count: number) {
  const elements = useRef(new Map<number, HTMLElement>());
  // `moves` counts requests, so asking again for the same change focuses it again
  const [position, setPosition] = useState({ index: -1, moves: 0 });

  const move = useCallback(
    (delta: number) => {
      if (count === 0) return;
      setPosition((current) => ({
        index: Math.max(0, Math.min(count - 1, current.index + delta)),
        moves: current.moves + 1,
      }));
    },
    [count],
  );
  const next = useCallback(() => move(1), [move]);
  const previous = useCallback(() => move(-1), [move]);

  useEffect(() => {
    if (position.moves === 0) return;
    const element = elements.current.get(position.index);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [position]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const forward = (!event.altKey && event.key === 'n') || (event.altKey && event.key === 'ArrowDown');
      const back = (!event.altKey && event.key === 'p') || (event.altKey && event.key === 'ArrowUp');
      if (!forward && !back) return;
      event.preventDefault();
      if (forward) next();
      else previous();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, previous]);

  /** The ref callback for the change at `index`. */
  const register = useCallback(
    (index: number) => (element: HTMLElement | null) => {
      if (element) elements.current.set(index, element);
      else elements.current.delete(index);
    },
    [],
  );

  return { current: Math.min(position.index, count - 1), next, previous, register };
}
