import { describe, expect, it } from 'vitest';
import { SaveStatusGate, type SaveStatus } from './SaveStatusGate';

/** A page: what it shows, the true status, and the frames and timers the gate asked for. */
function setup() {
  const frames: (() => void)[] = [];
  const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  let actual: SaveStatus = 'saved';
  let shown: SaveStatus = 'saved';
  const gate = new SaveStatusGate(
    {
      afterPaint: (callback) => {
        frames.push(callback);
        return () => frames.splice(frames.indexOf(callback) >>> 0, 1);
      },
      delay: (callback, ms) => {
        const timer = { callback, ms, cancelled: false };
        timers.push(timer);
        return () => (timer.cancelled = true);
      },
    },
    () => actual,
    (status) => (shown = status),
    500,
  );
  return {
    /** the true status changes (a keystroke, an answer from the server) */
    set(status: SaveStatus, urgent = false) {
      actual = status;
      shown = gate.next(shown, actual, urgent);
    },
    shown: () => shown,
    paint: () => frames.splice(0).forEach((callback) => callback()),
    elapse: () =>
      timers.splice(0).forEach((timer) => {
        if (!timer.cancelled) timer.callback();
      }),
    timers,
  };
}

describe('SaveStatusGate', () => {
  it('shows "saving" after the frame that paints the keystroke, not during it', () => {
    const page = setup();
    page.set('saving');
    expect(page.shown()).toBe('saved');
    page.paint();
    expect(page.shown()).toBe('saving');
  });

  it('shows "saved" once the text has stayed saved for the settle time', () => {
    const page = setup();
    page.set('saving');
    page.paint();
    page.set('saved');
    expect(page.shown()).toBe('saving');
    expect(page.timers.map((timer) => timer.ms)).toEqual([500]);
    page.elapse();
    expect(page.shown()).toBe('saved');
  });

  it('keeps saying "saving" while someone types, without a change per keystroke', () => {
    const page = setup();
    const seen = new Set<SaveStatus>();
    for (let key = 0; key < 20; key++) {
      page.set('saving'); // the keystroke
      page.paint();
      seen.add(page.shown());
      page.set('saved'); // the server's answer, a few ms later
      seen.add(page.shown());
    }
    expect([...seen]).toEqual(['saving']);
    page.elapse();
    expect(page.shown()).toBe('saved');
  });

  it('never says "saved" while a change is unsaved', () => {
    const page = setup();
    page.set('saving');
    page.paint();
    page.set('saved');
    page.set('saving'); // typed again before the settle time
    page.elapse();
    expect(page.shown()).toBe('saving');
  });

  it('drops a keystroke\'s "saving" that the server answered before the frame', () => {
    const page = setup();
    page.set('saving');
    page.set('saved');
    page.paint();
    expect(page.shown()).toBe('saved');
  });

  it('shows urgent changes and offline at once', () => {
    const page = setup();
    page.set('saving');
    page.set('offline');
    expect(page.shown()).toBe('offline');
    page.paint();
    expect(page.shown()).toBe('offline');
    page.set('saved', true);
    expect(page.shown()).toBe('saved');
  });
});
