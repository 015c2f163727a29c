import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deferUpdateWrites } from './deferOfflineCopyWrites';

function setup() {
  const ydoc = new Y.Doc();
  const stored: Uint8Array[] = [];
  const store = (update: Uint8Array) => stored.push(update);
  // y-indexeddb registers its handler on the document itself
  ydoc.on('update', store);
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const origin = { name: 'the offline copy' };
  const writes = deferUpdateWrites(ydoc, store, origin, {
    afterPaint: (callback) => {
      frames.push(callback);
      return () => frames.splice(frames.indexOf(callback) >>> 0, 1);
    },
    delay: (callback) => {
      timers.push(callback);
      return () => timers.splice(timers.indexOf(callback) >>> 0, 1);
    },
  });
  const text = ydoc.getText('t');
  return {
    ydoc,
    stored,
    writes,
    frames,
    timers,
    origin,
    type: (s: string) => text.insert(text.length, s),
    paint: () => frames.splice(0).forEach((callback) => callback()),
    restored() {
      const copy = new Y.Doc();
      stored.forEach((update) => Y.applyUpdate(copy, update));
      return copy.getText('t').toString();
    },
  };
}

describe('deferUpdateWrites (the offline copy)', () => {
  it('writes nothing inside the change, then one merged write after the frame', () => {
    const page = setup();
    page.type('a');
    page.type('b');
    page.type('c');
    expect(page.stored).toHaveLength(0);
    page.paint();
    expect(page.stored).toHaveLength(1);
    expect(page.restored()).toBe('abc');
    // nothing left to write: the fallback timer was cancelled
    expect(page.timers).toHaveLength(0);
  });

  it('writes after the fallback delay when no frame comes (a hidden tab), and on flush', () => {
    const page = setup();
    page.type('a');
    page.timers.splice(0).forEach((callback) => callback());
    expect(page.restored()).toBe('a');
    page.type('b');
    page.writes.flush();
    expect(page.restored()).toBe('ab');
    expect(page.frames).toHaveLength(0);
  });

  it('skips what the offline copy itself loaded, and writes nothing once stopped', () => {
    const page = setup();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'loaded');
    Y.applyUpdate(page.ydoc, Y.encodeStateAsUpdate(other), page.origin);
    page.paint();
    expect(page.stored).toHaveLength(0);
    page.type('x');
    page.writes.stop();
    page.paint();
    page.writes.flush();
    expect(page.stored).toHaveLength(0);
  });
});
