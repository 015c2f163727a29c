import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { keepRemoteStatesAlive } from './keepRemoteStatesAlive';

afterEach(() => vi.useRealTimers());

/**
 * A remote person told once, 40 s ago (as the server tells a low-data client: no renewals since).
 * y-protocols reads the real clock (lib0 keeps Date.now), so the age is set on the state itself;
 * its 3-second check runs on the fake timers.
 */
function toldLongAgo(): { local: Awareness; remoteId: number } {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const remote = new Awareness(new Y.Doc());
  remote.setLocalState({ user: { name: 'Ana' } });
  const local = new Awareness(new Y.Doc());
  applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'server');
  local.meta.get(remote.clientID)!.lastUpdated = Date.now() - 40_000;
  remote.destroy();
  return { local, remoteId: remote.clientID };
}

describe('keepRemoteStatesAlive', () => {
  it('keeps people told once past the 30 s after which y-protocols forgets them', () => {
    const { local, remoteId } = toldLongAgo();
    const stop = keepRemoteStatesAlive(local, 1000);
    vi.advanceTimersByTime(60_000);
    expect(local.getStates().has(remoteId)).toBe(true);
    stop();
    local.destroy();
  });

  it('without it, they are forgotten (what it is for)', () => {
    const { local, remoteId } = toldLongAgo();
    vi.advanceTimersByTime(3_000);
    expect(local.getStates().has(remoteId)).toBe(false);
    local.destroy();
  });
});
