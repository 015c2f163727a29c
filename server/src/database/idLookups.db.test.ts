import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient, type Db } from 'mongodb';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

let client: MongoClient;
let db: Db;

beforeAll(async () => {
  client = new MongoClient(inject('mongodbUri'), { directConnection: true });
  db = client.db(`ids_${randomBytes(6).toString('hex')}`);
  await db
    .collection<{ _id: string; n: number }>('things')
    .insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `doc:${n}`, n })));
});

afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

/**
 * Accord reads a document's stored state, its memberships and sessions by `_id` alone so that a
 * read costs the same however large the database is. That holds only if the database answers those
 * lookups from its `_id` index; the development database needed a fix for it (scripts/lib/devdbPatch.mjs).
 */
describe('lookups by _id', () => {
  it('are answered from the index, not by scanning the collection', async () => {
    for (const filter of [{ _id: 'doc:7' }, { _id: 'missing' }]) {
      const explained = await db.command({ explain: { find: 'things', filter }, verbosity: 'queryPlanner' });
      const planner = explained.queryPlanner as { Plan?: string[]; winningPlan?: unknown };
      if (planner.Plan) {
        // FerretDB's SQLite backend: SQLite's own EXPLAIN QUERY PLAN lines
        expect(planner.Plan.join('\n')).toMatch(/SEARCH .* USING INDEX/);
        expect(planner.Plan.join('\n')).not.toMatch(/\bSCAN\b/);
      } else {
        // MongoDB: an _id lookup never scans the collection
        expect(JSON.stringify(planner.winningPlan)).not.toMatch(/COLLSCAN/);
      }
    }
    expect(await db.collection('things').findOne({ _id: 'doc:7' as never })).toEqual({ _id: 'doc:7', n: 7 });
  });
});
