#!/usr/bin/env node
// `npm start`: installs dependencies if missing, builds, starts the database (the embedded
// development database unless MONGODB_URI is set) and Accord at http://localhost:3000 (or PORT).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { build, ensureDependencies } from './lib/install.mjs';
import { startDevdb } from './lib/devdb.mjs';
import { dataDir, root } from './lib/paths.mjs';
import { serverNodeArgs } from './lib/serverNodeArgs.mjs';

await ensureDependencies();
await build();

fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const env = { ...process.env };
let devdb;
if (env.MONGODB_URI) {
  console.log(
    `accord: database: MongoDB at MONGODB_URI (${env.MONGODB_URI.replace(/\/\/[^@/]*@/, '//***@')})`,
  );
} else {
  devdb = await startDevdb({ dir: path.join(dataDir, 'db'), quiet: true });
  env.MONGODB_URI = `${devdb.uri}accord`;
  console.log(
    `accord: database: embedded development database (FerretDB, SQLite) at ${devdb.uri}, data kept in ${path.join(dataDir, 'db')}`,
  );
}
if (!env.SESSION_SECRET) {
  // kept across restarts so signed-in users stay signed in
  const file = path.join(dataDir, 'session-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  env.SESSION_SECRET = fs.readFileSync(file, 'utf8').trim();
}
env.PORT ??= '3000';
env.NODE_ENV ??= 'production';

const server = spawn(process.execPath, [...serverNodeArgs, 'server/dist/main.js'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes('"msg":"listening"')) {
    console.log(`\naccord: Accord is running at http://localhost:${env.PORT} (Ctrl-C stops it)\n`);
  }
});
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.kill('SIGTERM');
  });
}
server.on('exit', async (code) => {
  await devdb?.stop();
  process.exit(stopping ? 0 : (code ?? 1));
});
