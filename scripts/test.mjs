#!/usr/bin/env node
// `npm test`: installs what is missing, builds, checks types and lint, starts one database on a
// free port, runs every suite (unit, integration, end-to-end) and stops what it started. The last
// line is "N passed, N failed" over every suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { build, ensureDependencies } from './lib/install.mjs';
import { ensureDevdbBinary, startDevdb } from './lib/devdb.mjs';
import { ensureChromium, ensureRedisAndNginx } from './lib/chromium.mjs';
import { cacheDir, root } from './lib/paths.mjs';
import { run } from './lib/run.mjs';

const started = Date.now();
const vitestArgs = process.argv.slice(2);

await ensureDependencies();
await ensureDevdbBinary();
await ensureChromium();
await ensureRedisAndNginx();
await build();
console.log('accord: type-checking and linting ...');
await run('npm', ['run', '--silent', 'typecheck']);
await run('npm', ['run', '--silent', 'lint']);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-db-'));
const db = await startDevdb({ dir, quiet: true });
console.log(`accord: test database at ${db.uri} (files in ${dir})`);

const resultsFile = path.join(cacheDir, 'vitest-results.json');
fs.mkdirSync(cacheDir, { recursive: true });
fs.rmSync(resultsFile, { force: true });

let exitCode = 1;
try {
  exitCode = await new Promise((resolve) => {
    const child = spawn(
      'npx',
      [
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${resultsFile}`,
        ...vitestArgs,
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, ACCORD_TEST_MONGODB_URI: db.uri, ACCORD_TEST_BUILT: '1' },
      },
    );
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => resolve(code ?? 1));
  });
} finally {
  await db.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  skipped = results.numPendingTests + results.numTodoTests;
  // a file that failed to load counts as a failure even though no test in it ran
  failed = Math.max(results.numFailedTests, results.numFailedTestSuites);
}
// vitest failed without a failing test (an unhandled error, a broken config): still a failure
if (exitCode !== 0 && failed === 0) failed = 1;
let summary = `${passed} passed, ${failed} failed`;
if (skipped > 0) summary += `, ${skipped} skipped`;
console.log(`accord: tests took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(summary);
process.exit(exitCode);
