import { Types, type Schema } from 'mongoose';
import { DatabaseAnswerMismatch } from './DatabaseAnswerMismatch.js';

type Scalar = string | number | boolean | Types.ObjectId;

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Types.ObjectId
  );
}

function same(a: unknown, b: Scalar): boolean {
  if (b instanceof Types.ObjectId) return a instanceof Types.ObjectId && a.equals(b);
  return a === b;
}

/**
 * Checks that every document answered to a find or findOne has the values its filter asked for,
 * on the filter's top-level equality fields (`{ _id: id }`, `{ email }`, `{ documentId, userId }`).
 * A reply that belongs to another request — as when a database answers a write that asked for no
 * answer, and every later reply on that connection is one request late — is then an error, never
 * another user's data. Fields left out by a projection are not checked.
 */
export function checkAnswer(filter: Record<string, unknown>, documents: unknown[]): void {
  const expected = Object.entries(filter).filter(
    (entry): entry is [string, Scalar] =>
      !entry[0].startsWith('$') && !entry[0].includes('.') && isScalar(entry[1]),
  );
  if (expected.length === 0) return;
  for (const document of documents) {
    if (typeof document !== 'object' || document === null) {
      throw new DatabaseAnswerMismatch('the database answered a query with something that is not a document');
    }
    for (const [path, value] of expected) {
      if (!(path in document)) continue;
      if (!same((document as Record<string, unknown>)[path], value)) {
        throw new DatabaseAnswerMismatch(`the database answered a query on ${path} with another document`);
      }
    }
  }
}

/** A mongoose plugin: every find and findOne checks its answer (see checkAnswer). */
export function answerMatchesFilter(schema: Schema): void {
  schema.post(['find', 'findOne'], function (result: unknown) {
    if (result === null || result === undefined) return;
    checkAnswer(this.getFilter() as Record<string, unknown>, Array.isArray(result) ? result : [result]);
  });
}
