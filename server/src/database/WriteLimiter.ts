/**
 * Runs background database work (search text, "last changed" times) at most `max` tasks at once;
 * the rest wait in order. When a thousand documents get their first edit together, the database
 * then has a few such writes in flight instead of a thousand, each holding its query, its promises
 * and its driver state in memory while it waits for a connection. A task starts synchronously when
 * a slot is free, and reads what it writes only when it starts, so waiting costs only the closure.
 */
export class WriteLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.max) return this.start(task);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => this.start(task).then(resolve, reject));
    });
  }

  private start<T>(task: () => Promise<T>): Promise<T> {
    this.running++;
    let result: Promise<T>;
    try {
      result = task();
    } catch (error) {
      result = Promise.reject(error);
    }
    return result.finally(() => {
      this.running--;
      this.waiting.shift()?.();
    });
  }
}
