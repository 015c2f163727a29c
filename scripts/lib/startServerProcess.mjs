// The one launcher of Accord's built server (node server/dist/main.js) as a child process, used by
// the tests (tests/helpers/server.ts) and the feature benchmarks (bench/lib/startAccordForBench.ts).
// Plain JavaScript like the other helpers here; its types are in startServerProcess.d.mts.
import { spawn } from 'node:child_process';
import { root } from './paths.mjs';
import { serverNodeArgs } from './serverNodeArgs.mjs';

/**
 * Starts the server on a free port (PORT=0) with the flags it always runs with, and resolves once
 * it logs `"msg":"listening"`; rejects (and kills it) when it exits first or takes over 30 s.
 *
 * @param {import('./startServerProcess.d.mts').StartServerProcessOptions} options
 * @returns {Promise<import('./startServerProcess.d.mts').ServerProcess>}
 */
export async function startServerProcess(options) {
  const child = spawn(
    process.execPath,
    [...serverNodeArgs, ...(options.nodeArgs ?? []), 'server/dist/main.js'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: options.nodeEnv,
        HOST: '127.0.0.1',
        PORT: '0',
        MONGODB_URI: options.mongodbUri,
        SESSION_SECRET: options.sessionSecret,
        // 2^14 instead of OWASP's 2^17: same code path, ~8× faster hashing
        SCRYPT_COST: '16384',
        LOG_LEVEL: 'info',
        ...options.env,
      },
    },
  );
  let output = '';
  let listening = false;
  let hasExited = false;
  /** @type {Promise<{ code: number | null; signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    }),
  );
  // the pipes are always read (a full pipe would block the server); what they say is kept unless
  // `keepLogs` is false, then only until the server listens (for the error of a failed start)
  const keep = (/** @type {Buffer} */ chunk) => {
    if (options.keepLogs || !listening) output += chunk.toString();
  };

  const port = await new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start listening within 30 s; its logs:\n${output}`));
    }, 30_000);
    child.stderr.on('data', keep);
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      keep(chunk);
      if (listening) return;
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"msg":"listening"')) continue;
        try {
          const entry = JSON.parse(line);
          clearTimeout(timer);
          listening = true;
          if (!options.keepLogs) output = '';
          resolve(entry.port);
          return;
        } catch {
          // not a JSON line: keep reading
        }
      }
    });
    void exited.then(({ code, signal }) => {
      if (listening) return;
      clearTimeout(timer);
      reject(
        new Error(`the server exited (${signal ?? `code ${code}`}) before listening; its logs:\n${output}`),
      );
    });
  });

  /** @param {NodeJS.Signals} signal */
  const signalAndWait = async (signal) => {
    if (!hasExited) child.kill(signal);
    // a server that does not finish shutting down in time is killed
    const fallback = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 30_000);
    await exited;
    clearTimeout(fallback);
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    logs: () => output,
    stop: () => signalAndWait('SIGTERM'),
    kill: () => signalAndWait('SIGKILL'),
    exited,
  };
}
