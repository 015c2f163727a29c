import mongoose, { type Connection } from 'mongoose';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';

export class DatabaseUnreachable extends Error {}

/** how long start-up waits for the database before giving up */
const CONNECT_DEADLINE_MS = 15_000;
/**
 * Per operation: how long the driver looks for a reachable server. Short, so that while the
 * database is down requests fail fast with 503 instead of hanging for the driver's default 30 s.
 */
const SERVER_SELECTION_TIMEOUT_MS = 5_000;

/**
 * Connects mongoose and makes sure every registered model's indexes exist before the server
 * serves anything: the unique indexes (email, (document, user), content hashes) are what keeps
 * concurrent requests correct, so serving before they exist would let duplicates in.
 *
 * Every model module must be imported (statically) before this runs; main.ts does that.
 */
export async function connectDatabase(env: Pick<Env, 'mongodbUri'>, logger: Logger): Promise<Connection> {
  // a filter on a field the schema does not know is a bug, not an empty result
  mongoose.set('strictQuery', 'throw');
  // wraps `$`-operator objects coming from input in `$eq`; deliberate operators use mongoose.trusted()
  mongoose.set('sanitizeFilter', true);
  // indexes are created explicitly below, awaited, instead of in the background
  mongoose.set('autoIndex', false);

  const connection = mongoose.connection;
  connection.on('error', (error: unknown) => logger.error({ err: error }, 'database error'));
  connection.on('disconnected', () => logger.warn('database disconnected'));
  connection.on('reconnected', () => logger.info('database reconnected'));

  const deadline = Date.now() + CONNECT_DEADLINE_MS;
  for (;;) {
    try {
      await mongoose.connect(env.mongodbUri, {
        serverSelectionTimeoutMS: Math.min(SERVER_SELECTION_TIMEOUT_MS, Math.max(1, deadline - Date.now())),
      });
      break;
    } catch (error) {
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseUnreachable(
          `the database at ${redact(env.mongodbUri)} did not answer within ${CONNECT_DEADLINE_MS / 1000} s: ${reason}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  for (const model of Object.values(connection.models)) {
    await model.createIndexes();
  }
  logger.info({ db: connection.name, models: Object.keys(connection.models).length }, 'database ready');
  return connection;
}

/** The URI without its password, for logs. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
