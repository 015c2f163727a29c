import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { SavedTracker } from './SavedTracker.js';
import { MessageType } from './messageTypes.js';

function setup() {
  const sent: number[] = [];
  const queue: (() => void)[] = [];
  const tracker = new SavedTracker(
    (message) => {
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(MessageType.ACCORD_SAVED);
      sent.push(decoding.readVarUint(decoder));
    },
    undefined,
    (fn) => queue.push(fn),
  );
  const flush = () => queue.splice(0).forEach((fn) => fn());
  return { tracker, sent, flush };
}

describe('SavedTracker', () => {
  it('is saved only once the server acknowledged a question asked after the change', () => {
    const { tracker, sent, flush } = setup();
    tracker.synced();
    expect(tracker.state).toBe('saved');
    tracker.localChange();
    tracker.localChange();
    expect(tracker.state).toBe('saving');
    flush();
    expect(sent).toEqual([1]);
    tracker.localChange();
    flush();
    expect(sent).toEqual([1, 2]);
    tracker.acknowledged(1);
    expect(tracker.state).toBe('saving');
    tracker.acknowledged(2);
    expect(tracker.state).toBe('saved');
  });

  it('re-asks after reconnecting, and ignores answers to questions from a closed socket', () => {
    const { tracker, sent, flush } = setup();
    tracker.synced();
    tracker.localChange();
    flush();
    tracker.disconnected();
    expect(tracker.state).toBe('unsaved-offline');
    tracker.localChange();
    flush();
    expect(sent).toEqual([1]);
    tracker.acknowledged(1);
    expect(tracker.state).toBe('unsaved-offline');
    tracker.synced();
    flush();
    expect(sent).toEqual([1, 2]);
    tracker.acknowledged(2);
    expect(tracker.state).toBe('saved');
  });

  it('asks nothing when nothing changed', () => {
    const { tracker, sent, flush } = setup();
    tracker.synced();
    flush();
    expect(sent).toEqual([]);
  });
});
