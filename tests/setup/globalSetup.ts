import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain JavaScript helper shared with the start and test scripts
import { startDevdb } from '../../scripts/lib/devdb.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * Makes sure the server is built and a database is running. `npm test` starts one database for
 * every suite and passes it in ACCORD_TEST_MONGODB_URI; run alone, a project starts its own.
 */
export default async function setup(project: TestProject) {
  // `npm test` has built everything already; a single suite run alone builds what it needs
  if (!process.env.ACCORD_TEST_BUILT) {
    execFileSync('npx', ['tsc', '-b', 'shared', 'server'], { cwd: root, stdio: 'inherit' });
  }
  let stop: (() => Promise<void>) | undefined;
  let uri = process.env.ACCORD_TEST_MONGODB_URI;
  let dir: string | undefined;
  if (!uri) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-testdb-'));
    const db = await startDevdb({ dir, quiet: true });
    uri = db.uri as string;
    stop = db.stop;
  }
  project.provide('mongodbUri', uri);
  return async () => {
    await stop?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
