import type { Db } from 'mongodb';

/** What lookupById needs of a mongoose model (any model's types fit it). */
interface ModelLike {
  db: { db?: Db };
  collection: { collectionName: string };
}

/**
 * One record by `_id` (or null), with only the `projection` fields, as one `find` command on
 * mongoose's connection. The same filter as `Model.findById(…).lean()` (the form FerretDB answers
 * from its index), without a mongoose Query and a driver cursor around it: a room load makes a
 * dozen of these, and with thousands of rooms opening at once that scaffolding was most of the
 * garbage the server made (and the heap it grew to).
 */
export async function lookupById<T>(
  model: ModelLike,
  _id: unknown,
  projection: Record<string, 1>,
): Promise<T | null> {
  const db = model.db.db;
  if (!db) throw new Error('the database connection is not open');
  const reply = (await db.command({
    find: model.collection.collectionName,
    filter: { _id },
    projection,
    limit: 1,
    singleBatch: true,
  })) as { cursor: { firstBatch: T[] } };
  return reply.cursor.firstBatch[0] ?? null;
}
