import type {
  ClauseStatus,
  PresentedClauseStatus,
  PresentedNegotiation,
  PresentedPosition,
} from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { negotiationApi } from './negotiationApi';

export interface NegotiationState {
  negotiation: PresentedNegotiation | null;
  /** clause id → its latest status record (clauses without one are pending) */
  statuses: ReadonlyMap<string, PresentedClauseStatus>;
  /** bumped on every change: histories read again when it moves */
  revision: number;
  failed: boolean;
}

const EMPTY: NegotiationState = { negotiation: null, statuses: new Map(), revision: 0, failed: false };

type Session = Pick<CollabSession, 'on' | 'subscribe' | 'getState'>;

/**
 * The document's negotiation (statuses, positions) for one collaboration session: read from the
 * API, and again whenever a `negotiation.changed` (or `member.changed`) event arrives or the socket
 * comes back online (events sent while offline are not replayed), while anyone listens.
 */
export class NegotiationStore {
  private state: NegotiationState = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly stops: Array<() => void> = [];
  private controller: AbortController | null = null;
  private online = false;

  constructor(
    private readonly session: Session,
    readonly documentId: string,
  ) {}

  /** The first listener starts following the server; the last one leaving stops it. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  getState = (): NegotiationState => this.state;

  statusOf(clauseId: string): ClauseStatus {
    return this.state.statuses.get(clauseId)?.status ?? 'pending';
  }

  positionsOf(clauseId: string): PresentedPosition[] {
    return this.state.negotiation?.positions.filter((p) => p.clauseId === clauseId) ?? [];
  }

  load(): void {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    negotiationApi
      .get(this.documentId, controller.signal)
      .then(({ negotiation }) => {
        if (controller.signal.aborted) return;
        this.set({
          negotiation,
          statuses: new Map(negotiation.statuses.map((s) => [s.clauseId, s])),
          revision: this.state.revision + 1,
          failed: false,
        });
      })
      .catch(() => {
        if (!controller.signal.aborted) this.set({ ...this.state, failed: true });
      });
  }

  private start(): void {
    const { session } = this;
    this.online = session.getState().connection === 'online';
    this.stops.push(
      session.on('negotiation.changed', () => this.load()),
      session.on('member.changed', () => this.load()),
      session.subscribe(() => {
        const online = session.getState().connection === 'online';
        if (online && !this.online) this.load();
        this.online = online;
      }),
    );
    this.load();
  }

  private stop(): void {
    this.controller?.abort();
    for (const stop of this.stops.splice(0)) stop();
  }

  private set(state: NegotiationState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
