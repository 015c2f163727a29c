/**
 * Benchmark of correctness rather than speed: the in-process randomized run of moves, typing and
 * deletions (server/src/collab/moves/randomMoves.ts, the one the unit test runs briefly) over many
 * seeds. Prints the parameters, how many words were typed and deleted, how many deletions came
 * back (a deleted word found once in the end) and the seeds that failed (a word lost or doubled,
 * clients apart). Target: 0 and 0.
 *
 *   npx tsc -b shared server && npx tsx bench/collab/randomMoves.ts [--from 1] [--to 1500] [--rounds 10]
 */
import { parseArgs } from 'node:util';
import { randomRun } from '../../server/dist/collab/moves/randomMoves.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '1' },
    to: { type: 'string', default: '1500' },
    rounds: { type: 'string', default: '10' },
  },
});
const from = Number(values.from);
const to = Number(values.to);
const rounds = Number(values.rounds);
console.log(`randomized moves: seeds ${from}–${to}, ${rounds} rounds each, 2–4 clients (seed % 3 + 2)`);
const started = Date.now();
let typed = 0;
let deleted = 0;
let resurrected = 0;
const failing: string[] = [];
for (let seed = from; seed <= to; seed++) {
  const run = randomRun(seed, rounds, 2 + (seed % 3));
  typed += run.typed;
  deleted += run.deleted;
  resurrected += run.resurrected;
  if (run.problems.length > 0) failing.push(`seed ${seed}: ${run.problems[0]}`);
}
const share = deleted === 0 ? 0 : (100 * resurrected) / deleted;
console.log(`words typed ${typed}, deleted ${deleted}`);
console.log(`deletions undone ${resurrected} (${share.toFixed(2)}% of deletions)`);
console.log(`failing seeds ${failing.length}${failing.length > 0 ? ':' : ''}`);
for (const line of failing) console.log(`  ${line}`);
console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
