/**
 * Issue 17: email never holds up the request that causes it. A mail relay that takes `DELAY_MS`
 * to accept each message (and refuses every `REFUSE_EVERY`-th delivery with a temporary error, so
 * retries happen too) receives the password-reset emails of `USERS` accounts, all asked for at
 * once; the answer times of those requests are compared with the time until the last email
 * arrived. Run `npx tsc -b shared server` first; `npx tsx bench/security/slowSmtp.ts`.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { BenchApi } from '../lib/BenchApi.js';
import { startAccordForBench } from '../lib/startAccordForBench.js';

const USERS = Number(process.env.USERS ?? 40);
const DELAY_MS = Number(process.env.DELAY_MS ?? 1000);
const REFUSE_EVERY = Number(process.env.REFUSE_EVERY ?? 5);

const received = new Set<string>();
let deliveries = 0;
let refused = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on('end', () => {
      const n = ++deliveries;
      setTimeout(() => {
        if (n % REFUSE_EVERY === 0) {
          refused++;
          callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          return;
        }
        for (const rcpt of session.envelope.rcptTo) received.add(rcpt.address);
        callback();
      }, DELAY_MS);
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`;
};

const accord = await startAccordForBench({
  name: 'slow-smtp',
  env: {
    SMTP_URL: smtpUrl,
    PUBLIC_URL: 'http://127.0.0.1',
    MAIL_RETRY_BASE_MS: '500',
    PASSWORD_RESET_MAX_PER_IP: '100000',
    REGISTRATION_MAX_PER_IP: '100000',
  },
});
try {
  const emails: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const email = `slow-${randomBytes(5).toString('hex')}@example.org`;
    await new BenchApi(accord.url).ok('POST', '/api/auth/register', {
      email,
      password: 'correct horse battery',
      name: 'Bench',
    });
    emails.push(email);
  }
  const started = performance.now();
  const times = await Promise.all(
    emails.map(async (email) => {
      const t0 = performance.now();
      await new BenchApi(accord.url).ok('POST', '/api/auth/password-reset', { email });
      return performance.now() - t0;
    }),
  );
  const answered = performance.now() - started;
  while (received.size < USERS) await new Promise((r) => setTimeout(r, 50));
  const delivered = performance.now() - started;
  console.log(
    `slow SMTP: ${USERS} reset requests at once; the relay takes ${DELAY_MS} ms a message and refuses every ${REFUSE_EVERY}th delivery (451)`,
  );
  console.log(`  request answers:        ${summary(times)} (all answered after ${answered.toFixed(0)} ms)`);
  console.log(
    `  emails delivered:       all ${USERS} after ${delivered.toFixed(0)} ms (${deliveries} deliveries, ${refused} refused and retried)`,
  );
} finally {
  await accord.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
}
