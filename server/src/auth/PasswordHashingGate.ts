import { RateLimited } from '../errors/ApiError.js';

export interface PasswordHashingGateOptions {
  /** hashes computed at once */
  concurrency: number;
  /** hashes waiting for a turn */
  queue: number;
  /** hashes one client may have running or waiting */
  perClient: number;
}

/**
 * Admits password hashing (scrypt: ~128 MiB and a libuv thread-pool thread for a fraction of a
 * second each) a few at a time. scrypt shares libuv's four threads with file reads and zlib, so a
 * login flood without this gate stalls static files for everyone. Work beyond the running and
 * waiting places is refused at once with 429 and Retry-After, before any hashing, and no client
 * may hold more than `perClient` places. Waiting clients take turns (round robin), so a user
 * signing in from one address waits for at most one hash of each other waiting address, however
 * many a flooding address has queued.
 */
export class PasswordHashingGate {
  private running = 0;
  private waitingCount = 0;
  /** waiting work by client, in turn order: the client served last goes to the back */
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly held = new Map<string, number>();

  constructor(private readonly options: PasswordHashingGateOptions) {}

  /** Runs `work` when a place is free; throws RateLimited at once when none can be had. */
  async run<T>(client: string, work: () => Promise<T>): Promise<T> {
    const held = this.held.get(client) ?? 0;
    const busy = this.running >= this.options.concurrency;
    if ((busy && this.waitingCount >= this.options.queue) || held >= this.options.perClient) {
      throw new RateLimited(1, 'Too many sign-ins at once; try again in a moment.');
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

  /** hashes running and waiting now (for tests and logs) */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waitingCount };
  }

  /** Hands a finished hash's place to the next client in turn (running stays the same), or frees it. */
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
