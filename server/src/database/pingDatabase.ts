import type { Connection } from 'mongoose';

/**
 * True when the database answers `ping` within `timeoutMs`. Never throws and never waits longer:
 * while the database is down the driver would otherwise wait for server selection.
 */
export async function pingDatabase(connection: Connection, timeoutMs: number): Promise<boolean> {
  const db = connection.db;
  if (!db || connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .command({ ping: 1 })
    .then((answer) => answer?.ok === 1)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
