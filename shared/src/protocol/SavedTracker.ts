import { encodeSaved } from './accordMessages.js';

export type SavedState = 'saved' | 'saving' | 'unsaved-offline';

/**
 * Client side of the saved acknowledgement (MessageType.ACCORD_SAVED). Tells whether every local
 * change has reached the database. After a local change, or after a (re)sync that may have sent
 * offline changes, it sends "ACCORD_SAVED n" behind them on the same socket; the server answers
 * "n" once everything before it is stored. Messages on a socket are ordered, so an answer covers
 * every change made before its question — insertions and deletions alike.
 */
export class SavedTracker {
  private changes = 0;
  private ackedChanges = 0;
  private questions = 0;
  /** question number → number of local changes it covers */
  private readonly covers = new Map<number, number>();
  private connected = false;
  private scheduled = false;

  constructor(
    /** sends a message on the collaboration socket */
    private readonly send: (message: Uint8Array) => void,
    private readonly onChange: (state: SavedState) => void = () => {},
    /** defers the question until the provider has sent the update itself */
    private readonly defer: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
  ) {}

  get state(): SavedState {
    if (this.ackedChanges >= this.changes) return 'saved';
    return this.connected ? 'saving' : 'unsaved-offline';
  }

  /** Call for every change of the Y.Doc that did not come from the server. */
  localChange(): void {
    this.changes++;
    this.onChange(this.state);
    this.ask();
  }

  /** Call when the provider is synced with the server (again); before that, call disconnected(). */
  synced(): void {
    this.connected = true;
    this.onChange(this.state);
    this.ask();
  }

  disconnected(): void {
    this.connected = false;
    // questions asked on a closed socket are never answered; re-ask after the next sync
    this.covers.clear();
    this.onChange(this.state);
  }

  /** Call with the number the server acknowledged. */
  acknowledged(n: number): void {
    const covered = this.covers.get(n);
    if (covered === undefined) return;
    for (const key of this.covers.keys()) if (key <= n) this.covers.delete(key);
    if (covered > this.ackedChanges) this.ackedChanges = covered;
    this.onChange(this.state);
  }

  private ask(): void {
    if (this.scheduled || !this.connected || this.ackedChanges >= this.changes) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      if (!this.connected) return;
      const n = ++this.questions;
      this.covers.set(n, this.changes);
      this.send(encodeSaved(n));
    });
  }
}
