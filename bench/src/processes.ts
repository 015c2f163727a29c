import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { repoRoot } from './paths.js';

/** Every child this run started; all are stopped on exit, failure or Ctrl-C. */
const children = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();

export function onCleanup(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export async function cleanupAll(): Promise<void> {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    await fn().catch(() => {});
  }
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}

process.on('exit', () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export interface Child {
  process: ChildProcess;
  pid: number;
  port: number;
  /** resident set size of the child, in KiB (VmRSS) */
  rssKiB(): number;
  /** CPU time (user + system) the child has used so far, in seconds */
  cpuSeconds(): number;
  stop(): Promise<void>;
  kill9(): Promise<void>;
  exited: Promise<void>;
  stderrTail(): string;
}

/**
 * Starts a server child (node, with tsx when `tsx`), waits for its `{"msg":"listening","port":N}`
 * line on stdout (at most `timeoutMs`). Other stdout lines are dropped unless `echo`.
 */
export async function startChild(opts: {
  label: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  tsx?: boolean;
  timeoutMs?: number;
  /** the port is known up front: ready once GET `readyPath` on it answers 200 (no stdout line needed) */
  port?: number;
  readyPath?: string;
}): Promise<Child> {
  const args = opts.tsx ? ['--import', 'tsx', ...opts.args] : opts.args;
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${opts.label}: no "listening" line within ${opts.timeoutMs ?? 30_000} ms\n${stderr}`),
      );
    }, opts.timeoutMs ?? 30_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.includes('"listening"')) return;
      try {
        const parsed = JSON.parse(line) as { msg?: string; port?: number };
        if (parsed.msg === 'listening' && typeof parsed.port === 'number') {
          clearTimeout(timer);
          resolve(parsed.port);
        }
      } catch {
        // not JSON: ignore
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${opts.label} exited before listening (code ${child.exitCode})\n${stderr}`));
    });
    if (opts.port !== undefined) {
      const known = opts.port;
      const poll = async () => {
        while (child.exitCode === null && child.signalCode === null) {
          try {
            const res = await fetch(`http://127.0.0.1:${known}${opts.readyPath ?? '/'}`);
            await res.arrayBuffer();
            if (res.status === 200) {
              clearTimeout(timer);
              resolve(known);
              return;
            }
          } catch {
            // not up yet
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      void poll();
    }
  });
  const pid = child.pid!;
  return {
    process: child,
    pid,
    port,
    exited,
    stderrTail: () => stderr,
    rssKiB() {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
        return m ? Number(m[1]) : NaN;
      } catch {
        return NaN;
      }
    },
    cpuSeconds() {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        // fields after the parenthesised command name; utime and stime are fields 14 and 15
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return NaN;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
