import type { Logger } from '../logger.js';

export interface HousekeepingTask {
  /** what it does, for the log when it fails ("purging deleted documents") */
  what: string;
  run(): Promise<unknown>;
}

/**
 * The server's housekeeping, every `intervalMs` (and once at start-up): purging deleted documents
 * past their retention (purgeDeletedDocuments), pruning the mail outbox (pruneMailOutbox). A timer
 * rather than TTL indexes: FerretDB, the dev and test database, has none, and a purge spans many
 * collections anyway. One round at a time; a failed task is logged and the others still run.
 */
export class Housekeeping {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly tasks: readonly HousekeepingTask[],
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a round under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.round().finally(() => {
      this.running = null;
    });
  }

  private async round(): Promise<void> {
    for (const task of this.tasks) {
      try {
        await task.run();
      } catch (error) {
        this.logger.error({ err: error }, `${task.what} failed`);
      }
    }
  }
}
