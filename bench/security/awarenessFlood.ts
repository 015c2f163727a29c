/**
 * Benchmark: awareness amplification against the other users of a document (issue 13, item 4).
 * An observer who set a 1.9 MB awareness state and sent 150 one-byte awareness queries without
 * reading once stalled /api/health for 2–8 s and added 100–280 MB: every query was answered with
 * every state, queued for a socket that never read.
 *
 *   npx tsc -b shared server && npx tsx bench/security/awarenessFlood.ts [--attackers 2] [--seconds 10]
 *
 * Starts its own embedded database and the built server. `attackers` connections of an observer
 * of the document (a worker thread) each open the collaboration socket, stop reading it, send
 * `queries` awareness queries and (every other one) a `stateBytes` awareness state, hold the
 * socket `holdMs`, read for up to a second (to see how the server closed it) and start again;
 * meanwhile GET /api/health and S1-style typing (one character typed by a y-websocket client
 * until another client of the same document has it) are measured every `probeEveryMs`. Phases:
 *   A. Accord's limits (the defaults): no attack; attack;
 *   B. the awareness and send-backlog limits lifted (what the server did before): no attack; attack.
 * Reported: p50 / p99 / max of each probe and how the attackers' sockets ended.
 */
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { BenchApi } from '../lib/BenchApi.js';
import { openTypist, type Typist } from '../lib/latencyProbes.js';
import {
  measurePhase,
  numberArg,
  printPhases,
  startWorkerAttack,
  type PhaseResult,
} from '../lib/attackPhases.js';

const PARAMS = {
  attackers: numberArg('attackers', 2),
  seconds: numberArg('seconds', 10),
  probeEveryMs: 100,
  stateBytes: 1_900_000,
  queries: 150,
  holdMs: 3_000,
};
const LIFTED = {
  COLLAB_MAX_AWARENESS_STATE_BYTES: String(8 * 1024 * 1024),
  COLLAB_MAX_AWARENESS_QUERIES_PER_SECOND: '1000000',
  COLLAB_MAX_SEND_BACKLOG_BYTES: String(4 * 1024 * 1024 * 1024),
};

/** The y-websocket messages by hand: awareness (1) with one client's state, query (3). */
const AWARENESS_ATTACK = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const { url, cookie, attackers, stateBytes, queries, holdMs } = workerData;
const counts = {};
const count = (what) => { counts[what] = (counts[what] || 0) + 1; };
let running = true;
parentPort.on('message', () => { running = false; });
const varUint = (n, out) => { while (n > 127) { out.push((n % 128) | 128); n = Math.floor(n / 128); } out.push(n); };
function awareness(clientId, state) {
  const text = Buffer.from(JSON.stringify(state));
  const inner = []; varUint(1, inner); varUint(clientId, inner); varUint(1, inner); varUint(text.length, inner);
  const body = Buffer.concat([Buffer.from(inner), text]);
  const head = [1]; varUint(body.length, head);
  return Buffer.concat([Buffer.from(head), body]);
}
const QUERY = Buffer.from([3]);
const once = (i) => new Promise((resolve) => {
  const ws = new WebSocket(url, { headers: { cookie } });
  let done = false;
  let timer;
  const finish = (what) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    count(what);
    ws.terminate();
    resolve();
  };
  ws.on('open', () => {
    ws._socket.pause();
    const clientId = 100000 + i;
    const state = i % 2 === 0 ? { cursor: 'x'.repeat(stateBytes) } : { cursor: { anchor: 1, head: 1 } };
    ws.send(awareness(clientId, state));
    for (let q = 0; q < queries; q++) ws.send(QUERY);
    timer = setTimeout(() => {
      ws._socket.resume();
      timer = setTimeout(() => finish('held open'), 1000);
    }, holdMs);
  });
  ws.on('close', (code) => finish('closed ' + code));
  ws.on('error', () => finish('error'));
});
const loop = async (i) => { while (running) await once(i); };
Promise.all(Array.from({ length: attackers }, (_, i) => loop(i))).then(() => parentPort.postMessage(counts));
`;

async function runServer(name: string, label: string, env: Record<string, string>): Promise<PhaseResult[]> {
  const server = await startAccordForBench({ name, register: true, env });
  let typist: Typist | null = null;
  try {
    const owner = new BenchApi(server.url);
    owner.cookie = server.cookie;
    const created = await owner.ok('POST', '/api/documents', { title: 'Awareness bench' });
    const documentId: string = created.document.id;
    const observer = new BenchApi(server.url);
    const email = `observer-${randomBytes(4).toString('hex')}@example.org`;
    await observer.ok('POST', '/api/auth/register', {
      email,
      password: 'lantern orchard ninety',
      name: 'Observer',
    });
    // invited and accepted, the way people join (issue 13, item 10)
    const invited = await owner.ok('POST', `/api/documents/${documentId}/invitations`, {
      email,
      role: 'observer',
    });
    await observer.ok('POST', `/api/invitations/${invited.invitation.id}/accept`);
    typist = await openTypist(server, documentId);
    const attack = () =>
      startWorkerAttack(AWARENESS_ATTACK, {
        wsPath: createRequire(import.meta.url).resolve('ws'),
        url: `${server.wsUrl}/collab/${documentId}`,
        cookie: observer.cookie,
        ...PARAMS,
      });
    return [
      await measurePhase(server, typist, `${label}: no attack`, null, PARAMS),
      await measurePhase(server, typist, `${label}: attack`, attack, PARAMS),
    ];
  } finally {
    typist?.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  console.log('[bench] awareness amplification', JSON.stringify(PARAMS));
  printPhases([
    ...(await runServer('awareness-a', 'A. limits', {})),
    ...(await runServer('awareness-b', 'B. lifted', LIFTED)),
  ]);
}

await main();
