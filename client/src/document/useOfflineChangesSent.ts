import { useEffect, useRef, useState } from 'react';
import type { SaveStatus } from '../collab/CollabSession';

/** How long "your offline changes were sent" stays in place of "Saved". */
const SHOWN_MS = 10_000;

/**
 * Whether to say "your offline changes were sent": from the moment everything written offline
 * is stored (the save status goes from "offline" to "saved") for a few seconds, or until there
 * is something to save again.
 */
export function useOfflineChangesSent(status: SaveStatus): boolean {
  const wasOffline = useRef(false);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (status === 'offline') wasOffline.current = true;
    if (status !== 'saved') {
      // oxlint-disable-next-line react/set-state-in-effect -- follows the session's save status
      setSent(false);
      return;
    }
    if (!wasOffline.current) return;
    wasOffline.current = false;
    setSent(true);
    const timer = window.setTimeout(() => setSent(false), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [status]);
  return sent;
}
