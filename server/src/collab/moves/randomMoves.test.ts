import { describe, expect, it } from 'vitest';
import { randomRun } from './randomMoves.js';

// A longer run on demand: MOVES_FUZZ_SEEDS=2000 MOVES_FUZZ_ROUNDS=12 npx vitest run server/src/collab/moves
const SEEDS = Number(process.env.MOVES_FUZZ_SEEDS ?? 60);
const ROUNDS = Number(process.env.MOVES_FUZZ_ROUNDS ?? 12);

describe('MoveRepair, randomized (in process)', () => {
  it(`converges with every word once: ${SEEDS} seeds × ${ROUNDS} rounds, 2–4 clients`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= SEEDS && failures.length === 0; seed++) {
      const { problems, log, resurrectedWords } = randomRun(seed, ROUNDS, 2 + (seed % 3));
      // a deleted word stays deleted
      for (const word of resurrectedWords) problems.push(`deleted ${word} came back`);
      if (problems.length > 0) failures.push(`seed ${seed}: ${problems.join('; ')}\n${log.join('\n')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
