import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { BenchAccord } from './startAccordForBench.js';
import { getOk, latency, printTable, probe, sleep, timed, type Typist } from './latencyProbes.js';

/**
 * Phases of a security benchmark (bench/security/*): an attack runs, or none, while GET
 * /api/health and S1-style typing are measured for the other users; the table puts the phases
 * side by side.
 */

/** The number after `--name` on the command line, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

export interface Attack {
  /** stops the attackers; resolves with what they counted (answers, close codes) */
  stop(): Promise<Record<string, number>>;
}

export interface PhaseResult {
  phase: string;
  health: number[];
  /** health requests that failed (refused, reset): a server that fell over */
  healthFailed: number;
  typing: number[];
  attack: Record<string, number>;
}

export interface PhaseParams {
  seconds: number;
  probeEveryMs: number;
}

/**
 * Starts attackers in a worker thread of their own (CommonJS `source`, run with `workerData`):
 * their work must not hold up the event loop that times the probes. The source loops until it
 * receives a message, then posts its counts.
 */
export function startWorkerAttack(source: string, workerData: unknown): Attack {
  const worker = new Worker(source, { eval: true, workerData });
  const counts = new Promise<Record<string, number>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const result = await counts;
      await worker.terminate();
      return result;
    },
  };
}

/** One phase: `attack` started (1 s to get going), then the probes for `params.seconds`. */
export async function measurePhase(
  server: BenchAccord,
  typist: Typist,
  phase: string,
  attack: (() => Attack) | null,
  params: PhaseParams,
): Promise<PhaseResult> {
  console.log(`[bench] ${phase}…`);
  const result: PhaseResult = { phase, health: [], healthFailed: 0, typing: [], attack: {} };
  const health = () =>
    timed(() => getOk(`${server.url}/api/health`)).catch(() => {
      result.healthFailed += 1;
      return NaN;
    });
  const running = attack?.() ?? null;
  if (running) await sleep(1_000);
  const end = performance.now() + params.seconds * 1000;
  await Promise.all([
    probe(result.health, health, end, params.probeEveryMs),
    probe(result.typing, () => typist.type(), end, params.probeEveryMs),
  ]);
  result.attack = (await running?.stop()) ?? {};
  // what the attack left running (queued work, closing sockets) ends before the next phase
  await sleep(2_000);
  return result;
}

/** The phases side by side: p50 / p99 / max of health and typing, and the attack's counts. */
export function printPhases(results: PhaseResult[]): void {
  console.log('\nsamples: p50 / p99 / max in ms\n');
  printTable([
    ['phase', 'health', 'typing', 'attack'],
    ...results.map((r) => [
      r.phase,
      latency(r.health) + (r.healthFailed > 0 ? `, ${r.healthFailed} failed` : ''),
      latency(r.typing),
      Object.entries(r.attack)
        .map(([what, n]) => `${what}×${n}`)
        .join(' ') || '–',
    ]),
  ]);
}
