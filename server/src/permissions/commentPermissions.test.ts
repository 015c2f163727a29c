import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ROLES, type Role } from '@accord/shared';
import type { CommentState } from '../comments/foldComment.js';
import {
  canSeeThread,
  mayOffer,
  mayRequest,
  seesThreadAsAuthor,
  type CommentAction,
} from './commentPermissions.js';

const author = new Types.ObjectId().toHexString();
const other = new Types.ObjectId().toHexString();

function state(overrides: Partial<CommentState> = {}, authorId = author): CommentState {
  return {
    record: { authorId: new Types.ObjectId(authorId) },
    deleted: false,
    status: 'open',
    ...overrides,
  } as CommentState;
}

/** Which roles may ask, as the author of the comment and its thread and as someone else. */
function who(action: CommentAction, comment: CommentState, ask = mayRequest): Record<string, Role[]> {
  const subject = { root: comment, comment };
  return {
    author: ROLES.filter((role) => ask({ userId: author, role }, subject, action)),
    other: ROLES.filter((role) => ask({ userId: other, role }, subject, action)),
  };
}

describe('comment permissions', () => {
  it('reply: whoever may comment', () => {
    expect(who('reply', state())).toEqual({
      author: ['reviewer', 'drafter', 'coordinator'],
      other: ['reviewer', 'drafter', 'coordinator'],
    });
  });

  it('edit: the author while they may comment, never a deleted comment', () => {
    expect(who('edit', state())).toEqual({ author: ['reviewer', 'drafter', 'coordinator'], other: [] });
    expect(who('edit', state({ deleted: true }))).toEqual({ author: [], other: [] });
  });

  it('delete: the author or a coordinator; deleting again is a no-op anyone may ask for', () => {
    expect(who('delete', state())).toEqual({
      author: ['reviewer', 'drafter', 'coordinator'],
      other: ['coordinator'],
    });
    expect(who('delete', state({ deleted: true })).other).toEqual([...ROLES]);
    expect(who('delete', state({ deleted: true }), mayOffer)).toEqual({ author: [], other: [] });
  });

  it('restore: coordinators, offered only for a deleted comment', () => {
    expect(who('restore', state({ deleted: true }))).toEqual({
      author: ['coordinator'],
      other: ['coordinator'],
    });
    expect(who('restore', state(), mayOffer)).toEqual({ author: [], other: [] });
  });

  it('resolve and reopen: the thread author and the drafting team, offered in the matching state', () => {
    for (const action of ['resolve', 'reopen'] as const) {
      expect(who(action, state())).toEqual({
        author: ['reviewer', 'drafter', 'coordinator'],
        other: ['drafter', 'coordinator'],
      });
    }
    expect(who('resolve', state({ status: 'resolved' }), mayOffer).other).toEqual([]);
    expect(who('reopen', state({ status: 'resolved' }), mayOffer).other).toEqual(['drafter', 'coordinator']);
  });

  it('visibility: coordinators; a deleted text and its history: coordinators', () => {
    expect(who('setVisibility', state()).other).toEqual(['coordinator']);
    expect(who('viewRevisions', state()).other).toEqual([...ROLES]);
    expect(who('viewRevisions', state({ deleted: true }))).toEqual({
      author: ['coordinator'],
      other: ['coordinator'],
    });
  });

  it('team threads: the drafting team and the thread’s author; no role, nothing', () => {
    const other = (visibility: 'all' | 'team') => ({ visibility, authorId: 'someone else' });
    const own = (visibility: 'all' | 'team') => ({ visibility, authorId: 'me' });
    const as = (role: Role | null) => ({ userId: 'me', role });
    expect(ROLES.filter((role) => canSeeThread(as(role), other('team')))).toEqual(['drafter', 'coordinator']);
    expect(ROLES.filter((role) => canSeeThread(as(role), other('all')))).toEqual([...ROLES]);
    // a reviewer's thread made team-only by a coordinator stays with the reviewer (issue 12, bug 8)
    expect(ROLES.filter((role) => canSeeThread(as(role), own('team')))).toEqual([...ROLES]);
    expect(ROLES.filter((role) => seesThreadAsAuthor(as(role), own('team')))).toEqual([
      'observer',
      'reviewer',
    ]);
    expect(canSeeThread(as(null), other('all'))).toBe(false);
    expect(canSeeThread(as(null), own('team'))).toBe(false);
  });
});
