import { describe, expect, it, vi } from 'vitest';
import type { AccordEventOf } from '@accord/shared';
import { LiveEvents } from './LiveEvents';

const changed: AccordEventOf<'comments.changed'> = {
  type: 'comments.changed',
  documentId: 'd',
  threadId: 't',
  commentId: 't',
  change: 'created',
  actorId: 'u',
  at: '2024-01-01T00:00:00.000Z',
};

describe('LiveEvents', () => {
  it('calls the listeners of the event type only', () => {
    const events = new LiveEvents();
    const comments = vi.fn();
    const members = vi.fn();
    events.on('comments.changed', comments);
    events.on('member.changed', members);
    events.emit(changed);
    expect(comments).toHaveBeenCalledWith(changed);
    expect(members).not.toHaveBeenCalled();
  });

  it('stops calling a listener once it unsubscribed', () => {
    const events = new LiveEvents();
    const listener = vi.fn();
    const off = events.on('comments.changed', listener);
    off();
    events.emit(changed);
    expect(listener).not.toHaveBeenCalled();
  });

  it('ignores what is not an event', () => {
    const events = new LiveEvents();
    const listener = vi.fn();
    events.on('comments.changed', listener);
    for (const junk of [null, 3, 'comments.changed', {}, { type: 7 }, { type: 'unknown.kind' }])
      events.emit(junk);
    expect(listener).not.toHaveBeenCalled();
  });
});
