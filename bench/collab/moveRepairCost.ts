/**
 * Benchmark: what the move repair (issue 19, server/src/collab/moves) costs on every update, in
 * process, without network noise. Applies the automerge-paper editing trace (one paragraph,
 * `updates` transactions of typing and deleting), update by update, the way a room does (decode,
 * apply, then the repair's checks) to:
 *   plain    — a Y.Doc as rooms had it before (gc on, nothing else);
 *   repair   — the room's document now (ghost-keeping doc, MoveRepair before and after each update),
 *              in a document where nothing moves (typing only: the cost everyone pays);
 *   ghosts   — the same after 20 clauses of the document were moved (ghosts exist, so every update
 *              is also checked against them).
 * Prints µs per update (median of `runs`). Target: repair within noise of plain.
 *
 *   npx tsc -b shared server && npx tsx bench/collab/moveRepairCost.ts [--updates 20000] [--runs 7]
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { pregenerate } from '../src/trace.js';
import { median, round } from '../src/stats.js';
import { createGhostKeepingDoc } from '../../server/dist/collab/moves/GhostIndex.js';
import { MoveRepair } from '../../server/dist/collab/moves/MoveRepair.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const UPDATES = arg('updates', 20_000);
const RUNS = arg('runs', 7);

/** 20 articles with a clause id each, then 20 of them moved: the updates that build and move them. */
function clausesMoved(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 77;
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const fragment = doc.getXmlFragment('default');
  const article = (id: string) => {
    const a = new Y.XmlElement('article');
    a.setAttribute('clauseId', id);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`text of ${id}`)]);
    a.insert(0, [p]);
    return a;
  };
  doc.transact(() =>
    fragment.insert(
      0,
      Array.from({ length: 20 }, (_, i) => article(`clause${String(i).padStart(4, '0')}`)),
    ),
  );
  for (let i = 0; i < 20; i++) {
    doc.transact(() => {
      const first = fragment.get(0) as Y.XmlElement;
      const copy = first.clone();
      fragment.delete(0, 1);
      fragment.insert(fragment.length, [copy]);
    });
  }
  return out;
}

function run(kind: 'plain' | 'repair' | 'ghosts', updates: Uint8Array[], setup: Uint8Array[]): number {
  if (kind === 'plain') {
    const doc = new Y.Doc({ gc: true });
    for (const u of setup) Y.applyUpdate(doc, u);
    const start = performance.now();
    for (const u of updates) {
      Y.decodeUpdate(u);
      Y.applyUpdate(doc, u, 'client');
    }
    return ((performance.now() - start) * 1000) / updates.length;
  }
  const { doc, ghosts } = createGhostKeepingDoc();
  const repair = new MoveRepair(doc, ghosts);
  const apply = (u: Uint8Array) => {
    const decoded = Y.decodeUpdate(u);
    repair.beforeClientUpdate(decoded);
    Y.applyUpdate(doc, u, 'client');
    repair.afterClientUpdate(decoded, 'server');
  };
  for (const u of kind === 'ghosts' ? setup : setup.slice(0, 1)) apply(u);
  if (kind === 'ghosts' && ghosts.size === 0) throw new Error('the setup moved nothing');
  const start = performance.now();
  for (const u of updates) apply(u);
  return ((performance.now() - start) * 1000) / updates.length;
}

const updates = pregenerate(UPDATES, 1_000_001);
const setup = clausesMoved();
console.log(
  JSON.stringify({
    benchmark: 'move repair cost per update',
    updates: updates.length,
    runs: RUNS,
    node: process.version,
  }),
);
const results: Record<string, number[]> = { plain: [], repair: [], ghosts: [] };
for (let r = 0; r < RUNS; r++) {
  // interleaved, so that machine noise falls on all three alike
  for (const kind of ['plain', 'repair', 'ghosts'] as const) results[kind]!.push(run(kind, updates, setup));
}
for (const [kind, values] of Object.entries(results)) {
  console.log(
    `${kind.padEnd(7)} ${round(median(values), 2)} µs/update (runs: ${values.map((v) => round(v, 2)).join(' / ')})`,
  );
}
console.log(
  `repair/plain ${round(median(results.repair!) / median(results.plain!), 2)}x, ghosts/plain ${round(median(results.ghosts!) / median(results.plain!), 2)}x`,
);
