import { Migration } from '../models/Migration.js';
import { isDuplicateKeyError } from './isDuplicateKeyError.js';
import type { Logger } from '../logger.js';
import { documentStateKeys } from './migrations/documentStateKeys.js';
import { membershipKeys } from './migrations/membershipKeys.js';

/** Data migrations in the order they run; each is safe to run again if it was interrupted. */
const MIGRATIONS: readonly [name: string, run: (logger: Logger) => Promise<void>][] = [
  ['document-state-keys', documentStateKeys],
  ['membership-keys', membershipKeys],
];

/**
 * Runs, before the server serves anything, each migration that has not finished on this database.
 * Two processes starting at once may both run one: every migration is idempotent.
 */
export async function runMigrations(logger: Logger): Promise<void> {
  for (const [name, run] of MIGRATIONS) {
    if (await Migration.findById(name).lean()) continue;
    await run(logger);
    try {
      await Migration.create({ _id: name, finishedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
