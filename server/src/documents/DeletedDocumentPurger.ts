import type { Logger } from '../logger.js';
import { purgeDeletedDocuments } from './purgeDeletedDocuments.js';

/**
 * Runs purgeDeletedDocuments every `intervalMs` (and once at start-up). A timer rather than a TTL
 * index: FerretDB, the dev and test database, has none, and a purge spans many collections anyway.
 */
export class DeletedDocumentPurger {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly retentionMs: number,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a purge under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = purgeDeletedDocuments(this.logger, this.retentionMs)
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'purging deleted documents failed'))
      .finally(() => {
        this.running = null;
      });
  }
}
