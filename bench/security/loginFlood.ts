/**
 * Benchmark: a login flood against the rest of the server (issue 13, item 6). About 70 concurrent
 * logins with random emails once made a static file take 49 s instead of 34 ms: each attempt ran
 * scrypt (N = 2^17, 128 MiB) on libuv's thread pool, which file serving shares.
 *
 *   npx tsc -b shared server && npx tsx bench/security/loginFlood.ts [--flooders 70] [--seconds 10]
 *
 * Starts its own embedded database and the built server at production settings (NODE_ENV
 * production, SCRYPT_COST 2^17; TRUST_PROXY=loopback so each request can name its client address
 * in X-Forwarded-For), with a static file in CLIENT_DIST. While `flooders` loops (in a worker
 * thread) each post one login after another (a random email, a wrong password), three probe
 * loops measure, each every
 * `probeEveryMs`: GET /api/health, GET of a 256 KiB static file, and S1-style typing (one
 * character typed by a y-websocket client, until another client of the same document has it);
 * and a legitimate user signs in from another address every second. Phases:
 *   A. Accord's limits (the defaults): no attack; flood from one address; flood from `flooders`
 *      rotating addresses (only the hashing gate stops that one);
 *   B. the limits lifted (hashing gate and per-address limit at 1,000,000: what the server did
 *      before): no attack; flood from rotating addresses.
 * Reported: p50 / p99 / max of each probe, the flood's answers, the legitimate sign-ins.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { startAccordForBench, type BenchAccord } from '../lib/startAccordForBench.js';
import { BenchApi } from '../lib/BenchApi.js';
import {
  getOk,
  latency,
  openTypist,
  printTable,
  probe,
  sleep,
  timed,
  type Typist,
} from '../lib/latencyProbes.js';
import { numberArg, startWorkerAttack } from '../lib/attackPhases.js';
import { summarise } from '../src/stats.js';

const PARAMS = {
  flooders: numberArg('flooders', 70),
  seconds: numberArg('seconds', 10),
  probeEveryMs: 100,
  staticBytes: 256 * 1024,
};
const LIFTED = {
  PASSWORD_HASHING_CONCURRENCY: '1000000',
  PASSWORD_HASHING_QUEUE: '1000000',
  PASSWORD_HASHING_PER_IP: '1000000',
  LOGIN_MAX_ATTEMPTS_PER_IP: '1000000',
};

type Flood = 'none' | 'one address' | 'rotating addresses';

interface PhaseResult {
  phase: string;
  health: number[];
  staticFile: number[];
  typing: number[];
  flood: Record<string, number>;
  legitimate: { ok: number; total: number; ms: number[] };
}

function login(url: string, email: string, password: string, address: string): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
}

/**
 * The attackers, in a worker thread of their own: their requests and answers must not hold up the
 * event loop that times the probes (the measurements would then include the attack's own work).
 * They loop until stopped, each waiting for its answer before sending the next.
 */
const FLOOD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { randomBytes } = require('node:crypto');
const { url, flooders, oneAddress } = workerData;
const address = () => \`10.\${randomBytes(1)[0]}.\${randomBytes(1)[0]}.\${1 + (randomBytes(1)[0] % 254)}\`;
const fixed = address();
const answers = {};
let running = true;
parentPort.on('message', () => { running = false; });
const loop = async () => {
  while (running) {
    try {
      const res = await fetch(url + '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': oneAddress ? fixed : address() },
        body: JSON.stringify({ email: 'flood-' + randomBytes(6).toString('hex') + '@example.org', password: 'not the password at all' }),
      });
      await res.arrayBuffer();
      answers[res.status] = (answers[res.status] || 0) + 1;
    } catch {
      answers.error = (answers.error || 0) + 1;
    }
  }
};
Promise.all(Array.from({ length: flooders }, loop)).then(() => parentPort.postMessage(answers));
`;

function startFlood(url: string, flood: Exclude<Flood, 'none'>): { stop(): Promise<Record<string, number>> } {
  return startWorkerAttack(FLOOD_WORKER, {
    url,
    flooders: PARAMS.flooders,
    oneAddress: flood === 'one address',
  });
}

async function runPhase(
  server: BenchAccord,
  typist: Typist,
  staticUrl: string,
  user: { email: string; password: string },
  phase: string,
  flood: Flood,
): Promise<PhaseResult> {
  const result: PhaseResult = {
    phase,
    health: [],
    staticFile: [],
    typing: [],
    flood: {},
    legitimate: { ok: 0, total: 0, ms: [] },
  };
  let running = true;
  const flooder = flood === 'none' ? null : startFlood(server.url, flood);
  // let the flood fill the server before measuring
  if (flood !== 'none') await sleep(1_000);
  const legitimate = (async () => {
    while (running) {
      const started = performance.now();
      const res = await login(server.url, user.email, user.password, '203.0.113.7');
      await res.arrayBuffer();
      result.legitimate.total += 1;
      if (res.status === 200) {
        result.legitimate.ok += 1;
        result.legitimate.ms.push(performance.now() - started);
      }
      await sleep(1_000);
    }
  })();
  const end = performance.now() + PARAMS.seconds * 1000;
  // each probe in its own loop: a static file stuck behind the flood does not hold back the others
  await Promise.all([
    probe(result.health, () => timed(() => getOk(`${server.url}/api/health`)), end, PARAMS.probeEveryMs),
    probe(result.staticFile, () => timed(() => getOk(staticUrl)), end, PARAMS.probeEveryMs),
    probe(result.typing, () => typist.type(), end, PARAMS.probeEveryMs),
  ]);
  running = false;
  const [answers] = await Promise.all([flooder?.stop() ?? {}, legitimate]);
  result.flood = answers;
  // the hashes still queued finish before the next phase
  await sleep(2_000);
  return result;
}

async function runServer(
  name: string,
  label: string,
  env: Record<string, string>,
  floods: Flood[],
): Promise<PhaseResult[]> {
  const clientDist = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-static-'));
  fs.mkdirSync(path.join(clientDist, 'assets'));
  fs.writeFileSync(path.join(clientDist, 'index.html'), '<!doctype html><title>Accord</title>');
  fs.writeFileSync(path.join(clientDist, 'assets', 'app-bench.js'), 'x'.repeat(PARAMS.staticBytes));
  const server = await startAccordForBench({
    name,
    register: true,
    env: { SCRYPT_COST: '131072', TRUST_PROXY: 'loopback', CLIENT_DIST: clientDist, ...env },
  });
  let typist: Typist | null = null;
  try {
    const api = new BenchApi(server.url);
    const user = {
      email: `legit-${randomBytes(4).toString('hex')}@example.org`,
      password: 'lantern orchard ninety',
    };
    await api.ok('POST', '/api/auth/register', { ...user, name: 'Legitimate' });
    const owner = new BenchApi(server.url);
    owner.cookie = server.cookie;
    const created = await owner.ok('POST', '/api/documents', { title: 'Flood bench' });
    typist = await openTypist(server, created.document.id);
    const results: PhaseResult[] = [];
    for (const flood of floods) {
      const phase = `${label}: ${flood === 'none' ? 'no attack' : `flood, ${flood}`}`;
      console.log(`[bench] ${phase}…`);
      results.push(await runPhase(server, typist, `${server.url}/assets/app-bench.js`, user, phase, flood));
    }
    return results;
  } finally {
    typist?.close();
    await server.stop();
    fs.rmSync(clientDist, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log('[bench] login flood', JSON.stringify(PARAMS));
  const results = [
    ...(await runServer('login-flood-a', 'A. limits', {}, ['none', 'one address', 'rotating addresses'])),
    ...(await runServer('login-flood-b', 'B. lifted', LIFTED, ['none', 'rotating addresses'])),
  ];
  console.log('\nsamples: p50 / p99 / max in ms\n');
  printTable([
    ['phase', 'health', 'static file', 'typing', 'flood answers', 'sign-ins ok', 'sign-in p50'],
    ...results.map((r) => [
      r.phase,
      latency(r.health),
      latency(r.staticFile),
      latency(r.typing),
      Object.entries(r.flood)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ') || '–',
      `${r.legitimate.ok}/${r.legitimate.total}`,
      String(summarise(r.legitimate.ms, [50], 0).p50),
    ]),
  ]);
}

await main();
