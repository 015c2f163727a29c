/**
 * A delay per key with one timer for all of them: each key set waits `delayMs`, then
 * `onDue(key, value)` runs. A key set again while it waits keeps its due time (its value is
 * replaced). Since every key waits the same time, keys fall due in the order they were set: the
 * one timer is set for the oldest. Rooms and documents by the thousand then hold a small entry
 * each, not a timer and a closure each.
 */
export class KeyedDelay<K, V> {
  private readonly entries = new Map<K, { due: number; value: V }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly onDue: (key: K, value: V) => void,
    /** the timer does not keep the process alive */
    private readonly unref = false,
  ) {}

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.value = value;
      return;
    }
    this.entries.set(key, { due: Date.now() + this.delayMs, value });
    this.arm();
  }

  /** Stops a key's wait; returns whether it was waiting, and its value. */
  take(key: K): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.entries.size === 0) this.disarm();
    return entry;
  }

  /** Stops every wait; returns what was waiting. */
  takeAll(): Array<[K, V]> {
    const all = [...this.entries].map(([key, entry]): [K, V] => [key, entry.value]);
    this.entries.clear();
    this.disarm();
    return all;
  }

  private arm(): void {
    if (this.timer) return;
    const first = this.entries.values().next();
    if (first.done) return;
    this.timer = setTimeout(this.fire, Math.max(0, first.value.due - Date.now()));
    if (this.unref) this.timer.unref();
  }

  private disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    const now = Date.now();
    try {
      // (a key set again by onDue goes to the end, due later: the loop stops there)
      for (const [key, entry] of this.entries) {
        if (entry.due > now) break;
        this.entries.delete(key);
        this.onDue(key, entry.value);
      }
    } finally {
      this.arm();
    }
  };
}
