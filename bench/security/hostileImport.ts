/**
 * Benchmark: hostile imports against the rest of the server (issue 13, item 7). A 1.3 MB .docx
 * (10 MB document.xml) once blocked the server for 20 s and took it from 102 to 817 MB: mammoth
 * converted it on the main thread.
 *
 *   npx tsc -b shared server && npx tsx bench/security/hostileImport.ts [--attackers 4] [--seconds 10]
 *
 * Starts its own embedded database and the built server (default import limits). `attackers`
 * users (one session each: an import per user at a time) post files to /api/imports/preview one
 * after another, from a worker thread, while GET /api/health and S1-style typing (one character
 * typed by a y-websocket client until another client of the same document has it) are measured
 * every `probeEveryMs`. Phases: no attack; the hostile file of the issue (10 MB document.xml,
 * 275,000 elements, 1.6 MB: refused while it unpacks); the largest files the limits let through
 * (116,000 elements in 4.2 MB of XML: each converts in a worker for seconds, the excess gets 429).
 * Reported: p50 / p99 / max of each probe and the attackers' answers (and the uploads still waiting
 * for theirs when the phase ended).
 */
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
import { formattedDocx, DOCX_TYPE } from '../../tests/helpers/docx.js';

const PARAMS = {
  attackers: numberArg('attackers', 4),
  seconds: numberArg('seconds', 10),
  probeEveryMs: 100,
  hostileParagraphs: 9_500,
  largestParagraphs: 4_000,
};

/** Each attacker posts the file, waits for the answer, posts it again, until stopped. */
const IMPORT_ATTACK = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, cookies, file, type } = workerData;
const answers = {};
let running = true;
// on stop, uploads still waiting are abandoned (the server then skips or stops their conversion)
const stop = new AbortController();
parentPort.on('message', () => { running = false; stop.abort(); });
const loop = async (cookie) => {
  while (running) {
    try {
      const res = await fetch(url + '/api/imports/preview', {
        method: 'POST',
        headers: { 'content-type': type, cookie },
        body: file,
        signal: stop.signal,
      });
      const text = await res.text();
      let code = '';
      try { code = JSON.parse(text).error?.code ?? ''; } catch {}
      const key = res.status + (code ? ' ' + code : '');
      answers[key] = (answers[key] || 0) + 1;
    } catch {
      const key = running ? 'error' : 'abandoned at the end';
      answers[key] = (answers[key] || 0) + 1;
    }
  }
};
Promise.all(cookies.map(loop)).then(() => parentPort.postMessage(answers));
`;

async function main(): Promise<void> {
  console.log('[bench] hostile imports', JSON.stringify(PARAMS));
  const hostile = formattedDocx(PARAMS.hostileParagraphs);
  const largest = formattedDocx(PARAMS.largestParagraphs);
  console.log(
    `[bench] hostile file ${(hostile.length / 1e6).toFixed(2)} MB; largest allowed ${(largest.length / 1e6).toFixed(2)} MB`,
  );
  const server = await startAccordForBench({ name: 'hostile-import', register: true });
  let typist: Typist | null = null;
  try {
    const cookies: string[] = [];
    for (let i = 0; i < PARAMS.attackers; i++) {
      const api = new BenchApi(server.url);
      await api.ok('POST', '/api/auth/register', {
        email: `importer-${randomBytes(4).toString('hex')}@example.org`,
        password: 'lantern orchard ninety',
        name: `Importer ${i}`,
      });
      cookies.push(api.cookie);
    }
    const owner = new BenchApi(server.url);
    owner.cookie = server.cookie;
    const created = await owner.ok('POST', '/api/documents', { title: 'Import bench' });
    typist = await openTypist(server, created.document.id);
    const attack = (file: Buffer) => () =>
      startWorkerAttack(IMPORT_ATTACK, { url: server.url, cookies, file, type: DOCX_TYPE });
    const results: PhaseResult[] = [];
    results.push(await measurePhase(server, typist, 'no attack', null, PARAMS));
    results.push(await measurePhase(server, typist, 'hostile file (10 MB XML)', attack(hostile), PARAMS));
    results.push(await measurePhase(server, typist, 'largest allowed files', attack(largest), PARAMS));
    printPhases(results);
  } finally {
    typist?.close();
    await server.stop();
  }
}

await main();
