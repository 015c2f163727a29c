import { describe, expect, it, vi } from 'vitest';
import type { AccordEventOf } from '@accord/shared';
import { LiveEvents } from './LiveEvents';
import { OpenSessions } from './OpenSessions';

function fakeSession(unsaved = false) {
  const events = new LiveEvents();
  return { events, hasUnsavedChanges: () => unsaved, on: events.on.bind(events) };
}

const mention = { type: 'notification.created', notification: {} } as AccordEventOf<'notification.created'>;

describe('OpenSessions', () => {
  it('hears the events of documents opened before and after it started listening', () => {
    const open = new OpenSessions();
    const first = fakeSession();
    open.add(first);
    const listener = vi.fn();
    const off = open.on('notification.created', listener);
    const second = fakeSession();
    const close = open.add(second);
    first.events.emit(mention);
    second.events.emit(mention);
    expect(listener).toHaveBeenCalledTimes(2);
    close();
    second.events.emit(mention);
    expect(listener).toHaveBeenCalledTimes(2);
    off();
    first.events.emit(mention);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('knows whether an open document has unsaved changes', () => {
    const open = new OpenSessions();
    open.add(fakeSession(false));
    expect(open.hasUnsavedChanges()).toBe(false);
    const close = open.add(fakeSession(true));
    expect(open.hasUnsavedChanges()).toBe(true);
    close();
    expect(open.hasUnsavedChanges()).toBe(false);
  });
});
