#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --scenario S1]`: runs bench/src/main.ts with tsx. The benchmark
// starts and stops its own servers (child processes on 127.0.0.1); see bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// the clients use Accord's protocol encoders from @accord/shared
if (!fs.existsSync(path.join(root, 'shared', 'dist', 'index.js'))) {
  console.log('bench: building shared/ (npx tsc -b shared) ...');
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'shared'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'bench', 'src', 'main.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
// Ctrl-C reaches the whole process group; the benchmark stops its servers itself, so wait for it.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
