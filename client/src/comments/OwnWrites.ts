/**
 * This tab's comment writes, so that the live event a write causes is not answered by fetching
 * the thread the write's own answer already brought. Events are matched to writes by thread: an
 * event of ours that arrives while a write is still under way waits until the writes are done.
 * Events from the same person's other tabs match no write here, so they are fetched.
 */
export class OwnWrites {
  private inFlight = 0;
  /** thread id → answers applied whose event has not arrived yet */
  private readonly echoes = new Map<string, number>();
  private waiting: Array<() => void> = [];

  /** Runs `write` as one of this tab's writes; `threadOf` names the thread its answer applied. */
  async run<T>(write: () => Promise<T>, threadOf: (answer: T) => string): Promise<T> {
    this.inFlight++;
    let threadId: string | null = null;
    try {
      const answer = await write();
      threadId = threadOf(answer);
      return answer;
    } finally {
      if (threadId !== null) this.echoes.set(threadId, (this.echoes.get(threadId) ?? 0) + 1);
      this.inFlight--;
      if (this.inFlight === 0) {
        const waiting = this.waiting;
        this.waiting = [];
        for (const next of waiting) next();
      }
    }
  }

  /**
   * Calls `fetch` for an event this user caused on `threadId`, unless it is the echo of a write
   * of this tab (then the answer is already applied).
   */
  handle(threadId: string, fetch: () => void): void {
    const decide = () => {
      if (!this.takeEcho(threadId)) fetch();
    };
    if (this.inFlight > 0 && !this.echoes.has(threadId)) this.waiting.push(decide);
    else decide();
  }

  /** Everything was fetched again (after a reconnection): echoes that never came are moot. */
  forget(): void {
    this.echoes.clear();
  }

  private takeEcho(threadId: string): boolean {
    const count = this.echoes.get(threadId);
    if (!count) return false;
    if (count === 1) this.echoes.delete(threadId);
    else this.echoes.set(threadId, count - 1);
    return true;
  }
}
