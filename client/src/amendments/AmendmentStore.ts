import type { AmendmentListResponse, AccordEventOf } from '@accord/shared';
import { amendmentsApi } from './amendmentsApi';

export interface AmendmentsState {
  status: 'loading' | 'ready' | 'error';
  list: AmendmentListResponse | null;
  /** the i18n-able error code of the last failed load */
  error: string | null;
  /** the clause the panel shows (null: the whole document) */
  clauseId: string | null;
  /** whether the panel is expanded (it starts folded to one line above the comments) */
  open: boolean;
}

export type AmendmentStoreEvent =
  | { type: 'loaded'; list: AmendmentListResponse }
  | { type: 'failed'; code: string }
  | { type: 'showClause'; clauseId: string | null }
  | { type: 'toggle' };

interface Session {
  ydoc: { on(name: 'update', f: () => void): void; off(name: 'update', f: () => void): void };
  on(type: 'amendments.changed', listener: (event: AccordEventOf<'amendments.changed'>) => void): () => void;
}

/**
 * A document's amendments for one collaboration session: loaded on first use, loaded again when
 * the server says one changed (the `amendments.changed` live event) or the text changed under
 * them (their rebased state depends on it). Components subscribe; changes are typed events.
 */
export class AmendmentStore {
  private state: AmendmentsState = {
    status: 'loading',
    list: null,
    error: null,
    clauseId: null,
    open: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly off: () => void;
  private started = false;
  private loading: AbortController | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly documentId: string,
    session: Session,
  ) {
    const offEvents = session.on('amendments.changed', () => this.refresh());
    // an amendment's state (rebased, conflict, obsolete) follows the text: load again once typing pauses
    const onUpdate = () => this.refresh(1_500);
    session.ydoc.on('update', onUpdate);
    this.off = () => {
      offEvents();
      session.ydoc.off('update', onUpdate);
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.started) {
      this.started = true;
      void this.load();
    }
    return () => this.listeners.delete(listener);
  };

  getState = (): AmendmentsState => this.state;

  dispatch(event: AmendmentStoreEvent): void {
    switch (event.type) {
      case 'loaded':
        this.set({ status: 'ready', list: event.list, error: null });
        break;
      case 'failed':
        this.set({ status: this.state.list ? 'ready' : 'error', error: event.code });
        break;
      case 'showClause':
        this.set(event.clauseId ? { clauseId: event.clauseId, open: true } : { clauseId: null });
        break;
      case 'toggle':
        this.set({ open: !this.state.open });
        break;
    }
  }

  /** Loads again soon (several changes in a row load once). */
  refresh(delayMs = 150): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load();
    }, delayMs);
  }

  private async load(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    const controller = new AbortController();
    this.loading = controller;
    try {
      this.dispatch({ type: 'loaded', list: await amendmentsApi.list(this.documentId, controller.signal) });
    } catch (error) {
      if (!controller.signal.aborted)
        this.dispatch({ type: 'failed', code: (error as { code?: string }).code ?? 'network_error' });
    } finally {
      this.loading = null;
      if (this.again && !controller.signal.aborted) {
        this.again = false;
        void this.load();
      }
    }
  }

  private set(patch: Partial<AmendmentsState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  destroy(): void {
    this.off();
    this.loading?.abort();
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }
}
