import fs from 'node:fs';
import path from 'node:path';
import { root } from './paths.mjs';
import { run } from './run.mjs';

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export async function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const fresh = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  console.log('accord: installing dependencies (npm ci) ...');
  await run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Builds shared, server and client (incremental: tsc -b and vite are quick when nothing changed). */
export async function build() {
  console.log('accord: building ...');
  await run('npm', ['run', '--silent', 'build']);
}
