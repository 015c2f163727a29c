import type { AccordEvent, AccordEventOf, AccordEventType } from '@accord/shared';

type AnyListener = (event: AccordEvent) => void;

/**
 * The typed live events of one collaboration session: listeners per event type, called with the
 * events the server sends (ACCORD_EVENT). Types nobody listens to are dropped.
 */
export class LiveEvents {
  private readonly listeners = new Map<AccordEventType, Set<AnyListener>>();

  on<T extends AccordEventType>(type: T, listener: (event: AccordEventOf<T>) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const any = listener as AnyListener;
    set.add(any);
    return () => set.delete(any);
  }

  /** Hands a decoded ACCORD_EVENT to the listeners of its type (the server's word for its shape). */
  emit(event: unknown): void {
    if (!event || typeof event !== 'object') return;
    const type = (event as { type?: unknown }).type;
    if (typeof type !== 'string') return;
    const set = this.listeners.get(type as AccordEventType);
    if (!set) return;
    for (const listener of set) listener(event as AccordEvent);
  }

  clear(): void {
    this.listeners.clear();
  }
}
