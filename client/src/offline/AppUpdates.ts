export type AppUpdateState = 'current' | 'available';

/**
 * The service worker's side of a new build: `available` once a new version has installed in
 * the background and waits; `reload()` lets it take over and reloads the page when it has.
 */
export class AppUpdates {
  private state: AppUpdateState = 'current';
  private waiting: ServiceWorker | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): AppUpdateState => this.state;

  /** A new version's worker has installed and waits for the page's word. */
  waitingWorker(worker: ServiceWorker): void {
    this.waiting = worker;
    this.state = 'available';
    for (const listener of this.listeners) listener();
  }

  /** Asks the waiting worker to take over; the page reloads on `controllerchange`. */
  reload(): void {
    if (this.waiting) this.waiting.postMessage({ type: 'SKIP_WAITING' });
    else window.location.reload();
  }
}
