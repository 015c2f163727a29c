import { OFFLINE_COPY_PREFIX } from './OFFLINE_COPY_PREFIX';

/** Deletes every document's offline copy (IndexedDB) from this browser. */
export async function clearOfflineCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  let databases: IDBDatabaseInfo[];
  try {
    databases = await indexedDB.databases();
  } catch {
    return;
  }
  for (const { name } of databases) {
    if (name?.startsWith(OFFLINE_COPY_PREFIX)) indexedDB.deleteDatabase(name);
  }
}
