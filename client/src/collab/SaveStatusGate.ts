import type { Scheduler } from '../scheduling/afterNextPaint';

export type SaveStatus = 'saved' | 'saving' | 'offline';

/** how long the text must have stayed saved before the indicator says so again */
export const SAVED_SETTLE_MS = 600;

/**
 * When the page shows a change of the save status. The true status flips with every keystroke:
 * 'saving' inside the keystroke, 'saved' when the server answers a few milliseconds later.
 * Showing each flip would re-render twice per keystroke (and repaint the page twice), so:
 * - saved → saving is shown once the frame that paints the keystroke is done (never inside it);
 * - saving → saved is shown once the text has stayed saved for `settleMs`: while someone types,
 *   the indicator keeps saying "Saving…" and settles on "Saved" when they pause. It never says
 *   "Saved" while anything is unsaved;
 * - everything else (offline, a change that comes with a connection change) is shown at once.
 */
export class SaveStatusGate {
  private pending: { status: SaveStatus; cancel: () => void } | null = null;

  constructor(
    private readonly host: Scheduler,
    /** the true status now (checked again before a deferred change is shown) */
    private readonly actual: () => SaveStatus,
    /** shows a deferred change */
    private readonly show: (status: SaveStatus) => void,
    private readonly settleMs = SAVED_SETTLE_MS,
  ) {}

  /**
   * The status to show now, given the one shown and the true one; schedules a deferred change.
   * `urgent`: something else changes with it (the connection), so show the truth at once.
   */
  next(shown: SaveStatus, actual: SaveStatus, urgent: boolean): SaveStatus {
    if (urgent || actual === shown) {
      this.cancel();
      return actual;
    }
    if (shown === 'saved' && actual === 'saving') return this.defer(shown, actual, this.host.afterPaint);
    if (shown === 'saving' && actual === 'saved')
      return this.defer(shown, actual, (callback) => this.host.delay(callback, this.settleMs));
    this.cancel();
    return actual;
  }

  cancel(): void {
    this.pending?.cancel();
    this.pending = null;
  }

  private defer(
    shown: SaveStatus,
    status: SaveStatus,
    schedule: (callback: () => void) => () => void,
  ): SaveStatus {
    // already on its way (the settle period runs from the first answer, not the last)
    if (this.pending?.status === status) return shown;
    this.cancel();
    const pending = {
      status,
      cancel: schedule(() => {
        if (this.pending !== pending) return;
        this.pending = null;
        if (this.actual() === status) this.show(status);
      }),
    };
    this.pending = pending;
    return shown;
  }
}
