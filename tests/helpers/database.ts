import { MongoClient } from 'mongodb';
import { inject } from 'vitest';

/** Runs `fn` on the suite's database `dbName` (a direct connection, closed afterwards). */
export async function withDatabase<T>(
  dbName: string,
  fn: (db: ReturnType<MongoClient['db']>) => Promise<T>,
): Promise<T> {
  const client = new MongoClient(`${inject('mongodbUri')}${dbName}`, { directConnection: true });
  try {
    return await fn(client.db());
  } finally {
    await client.close();
  }
}
