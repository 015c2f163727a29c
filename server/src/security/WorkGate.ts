export interface WorkGateOptions {
  /** pieces of work running at once */
  concurrency: number;
  /** pieces of work waiting for a turn */
  queue: number;
  /** pieces of work one client may have running or waiting */
  perClient: number;
}

/**
 * Admits expensive work (password hashing, document imports) a few at a time. Work beyond the
 * running and waiting places is refused at once with the error `refuse` makes (a 429 with
 * Retry-After), before any of it runs, and no client may hold more than `perClient` places.
 * Waiting clients take turns (round robin), so a client waits for at most one piece of work of
 * each other waiting client, however many a flooding client has queued.
 */
export class WorkGate {
  private running = 0;
  private waitingCount = 0;
  /** waiting work by client, in turn order: the client served last goes to the back */
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly held = new Map<string, number>();

  constructor(
    private readonly options: WorkGateOptions,
    private readonly refuse: () => Error,
  ) {}

  /** Runs `work` when a place is free; throws `refuse()` at once when none can be had. */
  async run<T>(client: string, work: () => Promise<T>): Promise<T> {
    const held = this.held.get(client) ?? 0;
    const busy = this.running >= this.options.concurrency;
    if ((busy && this.waitingCount >= this.options.queue) || held >= this.options.perClient) {
      throw this.refuse();
    }
    this.held.set(client, held + 1);
    try {
      if (busy) {
        await new Promise<void>((resolve) => {
          const line = this.waiting.get(client);
          if (line) line.push(resolve);
          else this.waiting.set(client, [resolve]);
          this.waitingCount += 1;
        });
      } else {
        this.running += 1;
      }
      try {
        return await work();
      } finally {
        this.next();
      }
    } finally {
      const left = (this.held.get(client) ?? 1) - 1;
      if (left > 0) this.held.set(client, left);
      else this.held.delete(client);
    }
  }

  /** work running and waiting now (for tests and logs) */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waitingCount };
  }

  /** Hands a finished piece's place to the next client in turn (running stays the same), or frees it. */
  private next(): void {
    const first = this.waiting.entries().next();
    if (first.done) {
      this.running -= 1;
      return;
    }
    const [client, line] = first.value;
    const resolve = line.shift()!;
    this.waiting.delete(client);
    if (line.length > 0) this.waiting.set(client, line);
    this.waitingCount -= 1;
    resolve();
  }
}
