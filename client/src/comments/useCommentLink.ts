import { useEffect, useRef, useState } from 'react';
import { NAVIGATE_EVENT } from '../router/navigate';

function linkedThread(): string | null {
  return new URLSearchParams(window.location.search).get('comment');
}

/**
 * A link to a comment (?comment=<thread id>, e.g. from a notification) opens it: `open` is called
 * once per link, as soon as `has` says the thread is there.
 */
export function useCommentLink(has: (threadId: string) => boolean, open: (threadId: string) => void): void {
  const [linked, setLinked] = useState(linkedThread);
  useEffect(() => {
    const onNavigate = () => setLinked(linkedThread());
    window.addEventListener(NAVIGATE_EVENT, onNavigate);
    window.addEventListener('popstate', onNavigate);
    return () => {
      window.removeEventListener(NAVIGATE_EVENT, onNavigate);
      window.removeEventListener('popstate', onNavigate);
    };
  }, []);
  const present = !!linked && has(linked);
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!linked || !present || handled.current === linked) return;
    handled.current = linked;
    open(linked);
  }, [linked, present, open]);
}
