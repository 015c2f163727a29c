/**
 * Background database writes (search text, "last changed" times), one per key, at most `max` in
 * flight at once; the rest wait in order, as one map entry each (a key queued again before its
 * write starts keeps its place and takes the newer value). When a thousand documents get their
 * first edit together, the database then has a few such writes in flight instead of a thousand,
 * each holding its query, its promises and its driver state in memory while it waits for a
 * connection. A write starts synchronously when a slot is free.
 */
export class KeyedWrites<K, V> {
  private readonly waiting = new Map<K, V>();
  private running = 0;
  private idle: { promise: Promise<void>; resolve: () => void } | null = null;

  constructor(
    private readonly max: number,
    /** the write; it must not reject (log its failure instead) */
    private readonly write: (key: K, value: V) => Promise<void>,
  ) {}

  queue(key: K, value: V): void {
    if (this.running < this.max) this.start(key, value);
    else this.waiting.set(key, value);
  }

  /** Whether the key's write waits for a slot (not started yet). */
  isWaiting(key: K): boolean {
    return this.waiting.has(key);
  }

  /** Settles once nothing is waiting or in flight. */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    if (!this.idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.idle = { promise, resolve };
    }
    return this.idle.promise;
  }

  private start(key: K, value: V): void {
    this.running++;
    let written: Promise<void>;
    try {
      written = this.write(key, value);
    } catch {
      written = Promise.resolve();
    }
    void written.catch(() => {}).finally(() => this.next());
  }

  private next(): void {
    this.running--;
    const first = this.waiting.entries().next();
    if (!first.done) {
      const [key, value] = first.value;
      this.waiting.delete(key);
      this.start(key, value);
      return;
    }
    if (this.running === 0 && this.idle) {
      this.idle.resolve();
      this.idle = null;
    }
  }
}
