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
 * login flood without this gate stalls static files and sockets for everyone. Work beyond the
 * running and waiting places is refused at once with 429 and Retry-After, before any hashing;
 * no client may hold more than `perClient` places, so one address flooding leaves room for a
 * user signing in from another.
 */
export class PasswordHashingGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly byClient = new Map<string, number>();

  constructor(private readonly options: PasswordHashingGateOptions) {}

  /** Runs `work` when a place is free; throws RateLimited at once when none can be had. */
  async run<T>(client: string, work: () => Promise<T>): Promise<T> {
    const held = this.byClient.get(client) ?? 0;
    const full = this.running >= this.options.concurrency && this.waiting.length >= this.options.queue;
    if (full || held >= this.options.perClient) {
      throw new RateLimited(1, 'Too many sign-ins at once; try again in a moment.');
    }
    this.byClient.set(client, held + 1);
    try {
      if (this.running >= this.options.concurrency) {
        await new Promise<void>((resolve) => this.waiting.push(resolve));
      } else {
        this.running += 1;
      }
      try {
        return await work();
      } finally {
        // hand the place straight to the next in line (running stays the same), or free it
        const next = this.waiting.shift();
        if (next) next();
        else this.running -= 1;
      }
    } finally {
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    }
  }

  /** hashes running and waiting now (for tests and logs) */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
