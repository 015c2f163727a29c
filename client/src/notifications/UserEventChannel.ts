import type { AccordEvent, AccordEventOf, AccordEventType } from '@accord/shared';
import type { OpenSession } from '../collab/OpenSessions';

type Listener = (event: AccordEvent) => void;

/**
 * The signed-in user's own live channel (GET /api/events, Server-Sent Events): what concerns them
 * wherever they are in the app, such as an invitation. It joins the open sessions like a document
 * does, so whoever listens there (the bell, the received invitations) hears it too. EventSource
 * reconnects by itself after a network loss.
 */
export class UserEventChannel implements OpenSession {
  private readonly listeners = new Map<AccordEventType, Set<Listener>>();
  private readonly source: EventSource;

  constructor(url = '/api/events') {
    this.source = new EventSource(url, { withCredentials: true });
    this.source.addEventListener('accord', (message) => {
      let event: AccordEvent;
      try {
        event = JSON.parse((message as MessageEvent<string>).data) as AccordEvent;
      } catch {
        return;
      }
      for (const listener of this.listeners.get(event.type) ?? []) listener(event);
    });
  }

  hasUnsavedChanges(): boolean {
    return false;
  }

  on<T extends AccordEventType>(type: T, listener: (event: AccordEventOf<T>) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  close(): void {
    this.source.close();
    this.listeners.clear();
  }
}
