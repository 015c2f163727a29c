/**
 * Issue 13 item 10: does inviting an address take the same time whether or not it has an account?
 * One server; a coordinator invites `PAIRS` addresses that have accounts and `PAIRS` that do not,
 * alternately (so load drifts hit both alike), to one document, and the answer times of each
 * group are compared (since issue 17 both also store an email: the same work either way). Run `npx tsc -b shared server` first; `npx tsx bench/security/inviteTiming.ts`.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BenchApi } from '../lib/BenchApi.js';
import { startAccordForBench } from '../lib/startAccordForBench.js';

const PAIRS = Number(process.env.PAIRS ?? 40);
const email = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}@example.org`;

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms  p90 ${at(0.9).toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`;
}

const accord = await startAccordForBench({
  name: 'invite-timing',
  register: true,
  env: { REGISTRATION_MAX_PER_IP: '100000' },
});
try {
  const coordinator = new BenchApi(accord.url);
  coordinator.cookie = accord.cookie;
  const documentId = (await coordinator.ok('POST', '/api/documents', { title: 'Timing' })).document
    .id as string;
  const known: string[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const address = email('known');
    await new BenchApi(accord.url).ok('POST', '/api/auth/register', {
      email: address,
      password: 'correct horse battery',
      name: `Known ${i}`,
      organisation: { name: 'Somewhere', kind: 'civil_society', country: 'KE' },
    });
    known.push(address);
  }
  const times = { known: [] as number[], nobody: [] as number[] };
  const invite = async (address: string, into: number[]) => {
    const started = performance.now();
    await coordinator.ok('POST', `/api/documents/${documentId}/invitations`, {
      email: address,
      role: 'reviewer',
    });
    into.push(performance.now() - started);
  };
  for (let i = 0; i < PAIRS; i++) {
    // alternate which goes first
    if (i % 2 === 0) {
      await invite(known[i]!, times.known);
      await invite(email('nouse'), times.nobody);
    } else {
      await invite(email('nouse'), times.nobody);
      await invite(known[i]!, times.known);
    }
  }
  console.log(`invite timing: ${PAIRS} addresses with an account, ${PAIRS} without, one document`);
  console.log(`  with an account:    ${summary(times.known)}`);
  console.log(`  without an account: ${summary(times.nobody)}`);
} finally {
  await accord.stop();
}
