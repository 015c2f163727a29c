import { describe, expect, it } from 'vitest';
import { createAfterNextPaint } from './afterNextPaint';

function fakeHost() {
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  return {
    host: {
      requestFrame: (callback: () => void) => frames.push(callback),
      postTask: (callback: () => void) => tasks.push(callback),
    },
    frames,
    tasks,
    /** the browser paints a frame: frame callbacks, then (after the paint) the queued tasks */
    paint() {
      frames.splice(0).forEach((callback) => callback());
      tasks.splice(0).forEach((callback) => callback());
    },
  };
}

describe('afterNextPaint', () => {
  it('runs callbacks in a task after the next frame, not in the frame callback', () => {
    const { host, frames, tasks, paint } = fakeHost();
    const afterNextPaint = createAfterNextPaint(host);
    const ran: string[] = [];
    afterNextPaint(() => ran.push('a'));
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(ran).toEqual([]);
    expect(tasks).toHaveLength(1);
    tasks.splice(0)[0]!();
    expect(ran).toEqual(['a']);
    frames.splice(0);
    paint();
    expect(ran).toEqual(['a']);
  });

  it('batches everything scheduled before a frame into one frame callback, in order', () => {
    const { host, frames, paint } = fakeHost();
    const afterNextPaint = createAfterNextPaint(host);
    const ran: string[] = [];
    afterNextPaint(() => ran.push('a'));
    afterNextPaint(() => ran.push('b'));
    afterNextPaint(() => ran.push('c'));
    expect(frames).toHaveLength(1);
    paint();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('cancels, and defers to the next frame what a running callback schedules', () => {
    const { host, paint } = fakeHost();
    const afterNextPaint = createAfterNextPaint(host);
    const ran: string[] = [];
    const cancel = afterNextPaint(() => ran.push('cancelled'));
    afterNextPaint(() => {
      ran.push('first');
      afterNextPaint(() => ran.push('next frame'));
    });
    cancel();
    paint();
    expect(ran).toEqual(['first']);
    paint();
    expect(ran).toEqual(['first', 'next frame']);
  });

  it('keeps running the batch when one callback throws', () => {
    const { host, tasks, frames } = fakeHost();
    const afterNextPaint = createAfterNextPaint(host);
    const ran: string[] = [];
    afterNextPaint(() => {
      throw new Error('boom');
    });
    afterNextPaint(() => ran.push('after'));
    frames.splice(0).forEach((callback) => callback());
    tasks.shift()!();
    expect(ran).toEqual(['after']);
    // the error is reported from its own task
    expect(() => tasks.shift()!()).toThrow('boom');
  });
});
