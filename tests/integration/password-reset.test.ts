import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { CloseCode } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail } from '../helpers/api.js';
import { startSmtpInbox, linkIn, type SmtpInbox } from '../helpers/smtpInbox.js';
import { openProvider, whenSynced } from '../helpers/collab.js';

/** Issue 17: password reset by email, through a real SMTP server. */
let server: TestServer;
let inbox: SmtpInbox;
let db: mongoose.Connection;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  server = await startServer({
    env: {
      SMTP_URL: inbox.url,
      MAIL_FROM: 'Accord <no-reply@accord.test>',
      MAIL_RETRY_BASE_MS: '200',
      PASSWORD_RESET_MAX_PER_EMAIL: '2',
      PASSWORD_RESET_MAX_PER_IP: '40',
    },
  });
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
  await inbox?.close();
});

const NEW_PASSWORD = 'a brand new passphrase';
const requestReset = (email: string, api = new ApiClient(server.url)) =>
  api.request('POST', '/api/auth/password-reset', { email });
const confirm = (token: string, password = NEW_PASSWORD, api = new ApiClient(server.url)) =>
  api.request('POST', '/api/auth/password-reset/confirm', { token, password });

async function resetMailFor(email: string) {
  const mail = await inbox.waitFor((m) => m.to === email);
  const link = linkIn(mail, `${server.url}/reset-password#`);
  return { mail, token: link.slice(link.indexOf('#') + 1) };
}

describe('asking for a reset', () => {
  it('emails a link in the account language, and answers the same for an unknown address', async () => {
    const user = await newUser(new ApiClient(server.url), { name: 'Ana', locale: 'es' });
    const unknown = uniqueEmail('nobody');
    const a = await requestReset(unknown);
    const b = await requestReset(user.email.toUpperCase());
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);

    const { mail, token } = await resetMailFor(user.email);
    expect(mail.subject).toBe('Restablezca su contraseña de Accord');
    expect(mail.language).toBe('es');
    expect(mail.text).toContain('Hola, Ana:');
    expect(mail.html).toContain(`href="${server.url}/reset-password#${token}"`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // the database holds the token's hash, never the token
    const stored = await db.collection('password_reset_tokens').find({}).toArray();
    expect(stored.map((t) => t._id)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(await db.collection('mail_messages').find({}).toArray())).not.toContain(token);
    expect(inbox.messages.some((m) => m.to === unknown)).toBe(false);
  });

  it('sends at most PASSWORD_RESET_MAX_PER_EMAIL messages to one address per window, same answer', async () => {
    const user = await newUser(new ApiClient(server.url));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await requestReset(user.email)).status);
    expect(answers).toEqual([202, 202, 202, 202]);
    await inbox.waitFor((m) => m.to === user.email);
    await new Promise((r) => setTimeout(r, 1000));
    expect(inbox.messages.filter((m) => m.to === user.email)).toHaveLength(2);
  });

  it('refuses malformed input with 400 and a stable code', async () => {
    const api = new ApiClient(server.url);
    expect((await api.request('POST', '/api/auth/password-reset', { email: 'nope' })).body.error.code).toBe(
      'validation_failed',
    );
    const bad = await confirm('short');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const unknown = await confirm('A'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('token_invalid');
  });

  it('retries a refused delivery with back-off, without making the request wait', async () => {
    const user = await newUser(new ApiClient(server.url));
    inbox.refuseNext(2);
    const started = Date.now();
    expect((await requestReset(user.email)).status).toBe(202);
    const answeredAfter = Date.now() - started;
    const { mail } = await resetMailFor(user.email);
    expect(inbox.refused).toBeGreaterThanOrEqual(2);
    // two refusals, then waits of 200 and 400 ms before the third attempt
    expect(mail.receivedAt - started).toBeGreaterThan(answeredAfter);
    const attempts = await db.collection('mail_attempt_outcomes').find({ ok: false }).toArray();
    expect(attempts.length).toBeGreaterThanOrEqual(2);
  });
});

describe('resetting', () => {
  it('sets the password, ends every other session and closes their sockets; the link works once', async () => {
    const user = await newUser(new ApiClient(server.url), { name: 'Bea' });
    const documentId = (await user.api.request('POST', '/api/documents', { title: 'Open' })).body.document.id;
    const otherBrowser = new ApiClient(server.url);
    expect((await otherBrowser.login(user.email, user.password)).status).toBe(200);
    const provider = openProvider(server.wsUrl, otherBrowser.cookie, documentId);
    await whenSynced(provider);
    const closed = new Promise<number>((resolve) =>
      provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    );

    await requestReset(user.email);
    const { token } = await resetMailFor(user.email);
    const resetter = new ApiClient(server.url);
    const done = await confirm(token, NEW_PASSWORD, resetter);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.user.email).toBe(user.email);
    expect(await closed).toBe(CloseCode.UNAUTHENTICATED);
    provider.destroy();
    expect((await user.api.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await otherBrowser.request('GET', '/api/auth/me')).status).toBe(401);
    // the browser that reset is signed in
    expect((await resetter.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await new ApiClient(server.url).login(user.email, user.password)).status).toBe(401);
    expect((await new ApiClient(server.url).login(user.email, NEW_PASSWORD)).status).toBe(200);

    const again = await confirm(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('token_invalid');
  });

  it('checks the new password like registration does, and the link still works after a refusal', async () => {
    const user = await newUser(new ApiClient(server.url), { name: 'Carla Mendes' });
    await requestReset(user.email);
    const { token } = await resetMailFor(user.email);
    const weak = await confirm(token, 'password123');
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');
    const own = await confirm(token, user.email);
    expect(own.body.error.code).toBe('weak_password');
    expect((await confirm(token, 'short')).body.error.code).toBe('validation_failed');
    expect((await confirm(token)).status).toBe(200);
  });

  it('lets exactly one of several concurrent resets with one link through', async () => {
    const user = await newUser(new ApiClient(server.url));
    await requestReset(user.email);
    const { token } = await resetMailFor(user.email);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => confirm(token, `concurrent passphrase ${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 400, 400, 400, 400, 400]);
    const winner = answers.findIndex((a) => a.status === 200);
    expect(
      (await new ApiClient(server.url).login(user.email, `concurrent passphrase ${winner}`)).status,
    ).toBe(200);
    expect(
      await db
        .collection('password_reset_uses')
        .countDocuments({ _id: createHash('sha256').update(token).digest('hex') as never }),
    ).toBe(1);
  });

  it('spends every earlier link once the password changes (by another link or in the settings)', async () => {
    const user = await newUser(new ApiClient(server.url));
    await requestReset(user.email);
    const first = (await resetMailFor(user.email)).token;
    const count = inbox.messages.length;
    await requestReset(user.email);
    const secondMail = await inbox.waitFor((m) => m.to === user.email && inbox.messages.indexOf(m) >= count);
    const second = linkIn(secondMail, `${server.url}/reset-password#`).split('#')[1]!;
    expect((await confirm(second)).status).toBe(200);
    const stale = await confirm(first, 'yet another passphrase');
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe('token_invalid');

    const other = await newUser(new ApiClient(server.url));
    await requestReset(other.email);
    const token = (await resetMailFor(other.email)).token;
    const changed = await other.api.request('POST', '/api/account/password', {
      currentPassword: other.password,
      newPassword: 'changed in the settings',
    });
    expect(changed.status).toBe(204);
    expect((await confirm(token)).body.error.code).toBe('token_invalid');
  });

  it('refuses an expired link', async () => {
    const user = await newUser(new ApiClient(server.url));
    const token = 'expired-token-' + 'x'.repeat(30);
    await db.collection('password_reset_tokens').insertOne({
      _id: createHash('sha256').update(token).digest('hex') as never,
      userId: new mongoose.Types.ObjectId(user.id),
      createdAt: new Date(Date.now() - 2 * 3600_000),
      expiresAt: new Date(Date.now() - 3600_000),
    });
    const answer = await confirm(token);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('token_invalid');
    expect((await new ApiClient(server.url).login(user.email, user.password)).status).toBe(200);
  });
});

describe('limits and the development mailbox', () => {
  it('limits requests per client address with 429 rate_limited', async () => {
    let status = 202;
    for (let i = 0; i < 60 && status === 202; i++) status = (await requestReset(uniqueEmail())).status;
    expect(status).toBe(429);
  });

  it('without SMTP, shows the signed-in user their own messages at /api/dev/mail (404 with SMTP)', async () => {
    const user = await newUser(new ApiClient(server.url));
    expect((await user.api.request('GET', '/api/dev/mail')).status).toBe(404);

    const dev = await startServer();
    const ana = await newUser(new ApiClient(dev.url), { locale: 'fr' });
    const bob = await newUser(new ApiClient(dev.url));
    expect((await requestReset(ana.email, new ApiClient(dev.url))).status).toBe(202);
    let messages: { subject: string; text: string }[] = [];
    for (let i = 0; i < 50 && messages.length === 0; i++) {
      messages = (await ana.api.request('GET', '/api/dev/mail')).body.messages;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe('Réinitialisez votre mot de passe Accord');
    expect(messages[0]!.text).toContain(`${dev.url}/reset-password#`);
    expect((await bob.api.request('GET', '/api/dev/mail')).body.messages).toEqual([]);
    expect((await new ApiClient(dev.url).request('GET', '/api/dev/mail')).status).toBe(401);
    // the log is the mailbox too
    expect(dev.logs()).toContain('reset-password#');
  });
});

describe('the outbox across a restart', () => {
  it('delivers after a restart what a stopped server had stored but not delivered', async () => {
    const own = await startSmtpInbox();
    try {
      own.refuseNext(1);
      const first = await startServer({ env: { SMTP_URL: own.url, MAIL_RETRY_BASE_MS: '600000' } });
      const user = await newUser(new ApiClient(first.url));
      expect((await requestReset(user.email, new ApiClient(first.url))).status).toBe(202);
      for (let i = 0; i < 100 && own.refused === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(own.refused).toBe(1);
      await first.stop();
      expect(own.messages).toHaveLength(0);

      const second = await startServer({ dbName: first.dbName, env: { SMTP_URL: own.url } });
      const mail = await own.waitFor((m) => m.to === user.email);
      expect(linkIn(mail, `${first.url}/reset-password#`)).toBeTruthy();
      await second.stop();
    } finally {
      await own.close();
    }
  });
});
