// The embedded development database: FerretDB (MongoDB wire protocol, SQLite backend) built from
// scripts/devdb with Go, started on a free loopback port. Production uses MongoDB instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cacheDir, root } from './paths.mjs';
import { run } from './run.mjs';
import { writeDevdbModfile } from './devdbPatch.mjs';

const sourceDir = path.join(root, 'scripts', 'devdb');
const binary = path.join(cacheDir, 'devdb', 'devdb');

/**
 * The newest modification time of the Go sources: every *.go file, go.mod, go.sum, the directory
 * itself (which changes when a file is added, removed or renamed) and the FerretDB fix.
 */
function newestSource() {
  const files = fs
    .readdirSync(sourceDir)
    .filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
    .map((f) => path.join(sourceDir, f));
  const patch = path.join(root, 'scripts', 'lib', 'devdbPatch.mjs');
  return Math.max(...[sourceDir, patch, ...files].map((f) => fs.statSync(f).mtimeMs));
}

/** Builds the devdb binary into .cache/ when it is missing or older than its source. */
export async function ensureDevdbBinary() {
  if (fs.existsSync(binary) && fs.statSync(binary).mtimeMs >= newestSource()) return binary;
  console.log('accord: building the development database (FerretDB, first time ~90 s) ...');
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  const modfile = writeDevdbModfile(sourceDir, path.join(cacheDir, 'devdb', 'module'));
  await run('go', ['build', `-modfile=${modfile}`, '-o', binary, '.'], { cwd: sourceDir });
  return binary;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ping(uri) {
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, directConnection: true });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => {});
  }
}

/**
 * Starts the dev database with its files under `dir`; resolves once it answers ping.
 * Returns { uri, stop }. `stop()` sends SIGTERM and waits for a clean exit.
 */
export async function startDevdb({ dir, port, quiet = false }) {
  const exe = await ensureDevdbBinary();
  fs.mkdirSync(dir, { recursive: true });
  port ??= await freePort();
  const child = spawn(exe, ['-listen', `127.0.0.1:${port}`, '-dir', dir], {
    cwd: root,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  const uri = `mongodb://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (!(await ping(uri))) {
    if (exited) throw new Error(`devdb exited before answering ping:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`devdb did not answer ping within 30 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  async function stop() {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exitedPromise;
    clearTimeout(timer);
  }
  return { uri, port, stop, child };
}
