import { BenchClient, type ClientOptions } from '../client.js';
import type { RunningServer, ServerName } from '../servers.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Metric {
  key: string;
  label: string;
  unit: string;
  /** which direction is better, for "best peer" and Accord's ratio */
  better: 'lower' | 'higher';
}

export type ScenarioResult = Record<string, number | string | boolean>;

export interface Scenario {
  id: string;
  title: string;
  target: string;
  /** servers this scenario runs on (default: all requested) */
  only?: ServerName[];
  params(quick: boolean): Record<string, number | string>;
  metrics: Metric[];
  run(server: RunningServer, quick: boolean, log: (line: string) => void): Promise<ScenarioResult>;
}

/** Waits for `p` at most `ms`; rejects with `what` on timeout. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens clients with at most `parallel` connection attempts in flight, and waits until every one
 * is synced (bounded by `timeoutMs` overall).
 */
export async function connectAll(
  make: (i: number) => ClientOptions,
  count: number,
  { parallel = 50, timeoutMs = 60_000 } = {},
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  const deadline = Date.now() + timeoutMs;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const c = new BenchClient(make(i));
      clients[i] = c;
      await within(c.opened, Math.max(1, deadline - Date.now()), `client ${i} open`);
      await within(c.synced, Math.max(1, deadline - Date.now()), `client ${i} sync`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  } catch (err) {
    await closeAll(clients.filter(Boolean));
    throw err;
  }
  return clients;
}

export async function closeAll(clients: BenchClient[]): Promise<void> {
  await Promise.all(clients.map((c) => within(c.close(), 5_000, 'close').catch(() => {})));
}

/**
 * Runs `events` (sorted by time offset in ms from start) in real time: each fires at its offset or
 * as soon after as the event loop allows. Bounded by the event count.
 */
export async function schedule(offsetsMs: number[], fire: (i: number) => void): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < offsetsMs.length;) {
    const now = performance.now() - start;
    while (i < offsetsMs.length && offsetsMs[i]! <= now) fire(i++);
    if (i < offsetsMs.length)
      await sleep(Math.max(0, Math.min(offsetsMs[i]! - (performance.now() - start), 50)));
  }
  return start;
}

/** Polls `done()` every `everyMs` until true or `timeoutMs`; resolves with whether it became true. */
export async function waitUntil(done: () => boolean, timeoutMs: number, everyMs = 5): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

export const unexpectedCloses = (clients: BenchClient[]) =>
  clients.filter((c) => c.closedUnexpectedly).length;
