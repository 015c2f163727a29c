import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { checkAnswer } from './answerMatchesFilter.js';
import { DatabaseAnswerMismatch } from './DatabaseAnswerMismatch.js';

const alice = { _id: new Types.ObjectId(), email: 'alice@example.org', name: 'Alice' };
const bob = { _id: new Types.ObjectId(), email: 'bob@example.org', name: 'Bob' };

describe('checkAnswer', () => {
  it('accepts the documents a filter asked for', () => {
    expect(() => checkAnswer({ _id: alice._id }, [alice])).not.toThrow();
    expect(() => checkAnswer({ email: 'bob@example.org' }, [bob])).not.toThrow();
    expect(() => checkAnswer({ _id: alice._id }, [])).not.toThrow();
  });

  it('refuses a document answered to another query (a reply one request late)', () => {
    expect(() => checkAnswer({ _id: alice._id }, [bob])).toThrow(DatabaseAnswerMismatch);
    expect(() => checkAnswer({ email: 'alice@example.org' }, [bob])).toThrow(DatabaseAnswerMismatch);
    expect(() =>
      checkAnswer({ _id: alice._id.toHexString() }, [{ _id: alice._id.toHexString(), x: 1 }]),
    ).not.toThrow();
    expect(() => checkAnswer({ _id: 'a' }, [{ _id: 'b' }])).toThrow(DatabaseAnswerMismatch);
  });

  it('refuses an answer that is not a document', () => {
    expect(() => checkAnswer({ _id: alice._id }, [42])).toThrow(DatabaseAnswerMismatch);
    expect(() => checkAnswer({ _id: alice._id }, [null])).toThrow(DatabaseAnswerMismatch);
  });

  it('checks only top-level equality fields present in the answer', () => {
    // operators, dotted paths and fields left out by a projection are not compared
    expect(() => checkAnswer({ email: { $in: ['x'] }, 'a.b': 1, $or: [] }, [bob])).not.toThrow();
    expect(() =>
      checkAnswer({ _id: alice._id, email: 'alice@example.org' }, [{ _id: alice._id }]),
    ).not.toThrow();
  });
});
