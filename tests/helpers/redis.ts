import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';
// @ts-expect-error plain JavaScript helper shared with the start and test scripts
import { freePort } from '../../scripts/lib/devdb.mjs';

/** A redis-server (Debian's) this test file started on a free loopback port; stopped at the end. */
export interface TestRedis {
  url: string;
  port: number;
  /** stops it (as a crash would: no save) */
  stop(): Promise<void>;
  /** starts it again on the same port, empty */
  start(): Promise<void>;
}

const running = new Set<ChildProcess>();
afterAll(async () => {
  await Promise.all([...running].map((child) => stopChild(child)));
});

function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port: number = await freePort();
  let child = await launch(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child),
    start: async () => {
      child = await launch(port);
    },
  };
}
