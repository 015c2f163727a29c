import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail } from '../helpers/api.js';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../helpers/smtpInbox.js';
import { openProvider, whenSynced } from '../helpers/collab.js';

/** Issue 17: account settings (name, organisation, interface language, password change). */
let server: TestServer;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  server = await startServer({ env: { SMTP_URL: inbox.url, LOGIN_MAX_ATTEMPTS: '3' } });
});

afterAll(async () => {
  await inbox?.close();
});

describe('name, organisation and language', () => {
  it('changes them; the language is that of the emails from then on', async () => {
    const user = await newUser(new ApiClient(server.url), { name: 'Old Name' });
    const changed = await user.api.request('PATCH', '/api/account', {
      name: '  Marta Ruiz ',
      locale: 'es',
      organisation: { name: 'Fundación Paralegal', kind: 'civil_society', country: 'pe' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.user).toMatchObject({
      name: 'Marta Ruiz',
      locale: 'es',
      organisation: expect.objectContaining({ name: 'Fundación Paralegal', country: 'PE' }),
    });
    expect((await user.api.request('GET', '/api/auth/me')).body.user).toEqual(changed.body.user);

    await new ApiClient(server.url).request('POST', '/api/auth/password-reset', { email: user.email });
    const mail = await inbox.waitFor((m) => m.to === user.email);
    expect(mail.subject).toBe('Restablezca su contraseña de Accord');
    expect(mail.text).toContain('Hola, Marta Ruiz:');

    const left = await user.api.request('PATCH', '/api/account', { organisation: null });
    expect(left.body.user.organisation).toBeNull();
    expect(left.body.user.name).toBe('Marta Ruiz');
  });

  it('refuses bad input with 400 and a stable code, and strangers with 401', async () => {
    const user = await newUser(new ApiClient(server.url));
    for (const body of [
      {},
      { name: '   ' },
      { locale: 'de' },
      { email: 'x@example.org' },
      { name: 'x'.repeat(500) },
    ]) {
      const answer = await user.api.request('PATCH', '/api/account', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
    expect((await user.api.request('GET', '/api/auth/me')).body.user.name).toBe('Test User');
    expect(
      (await new ApiClient(server.url).request('PATCH', '/api/account', { name: 'Mallory' })).status,
    ).toBe(401);
  });
});

describe('password change', () => {
  it('needs the current password, checks the new one, ends the other sessions and closes their sockets', async () => {
    const user = await newUser(new ApiClient(server.url));
    const documentId = (await user.api.request('POST', '/api/documents', { title: 'Open' })).body.document.id;
    const other = new ApiClient(server.url);
    expect((await other.login(user.email, user.password)).status).toBe(200);
    const provider = openProvider(server.wsUrl, other.cookie, documentId);
    await whenSynced(provider);
    const closed = new Promise<number>((resolve) =>
      provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    );

    const change = (currentPassword: string, newPassword: string) =>
      user.api.request('POST', '/api/account/password', { currentPassword, newPassword });
    const wrong = await change('not my password', 'a perfectly new passphrase');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    expect((await change(user.password, 'password123')).body.error.code).toBe('weak_password');
    expect((await change(user.password, 'short')).body.error.code).toBe('validation_failed');
    expect((await other.request('GET', '/api/auth/me')).status).toBe(200);

    expect((await change(user.password, 'a perfectly new passphrase')).status).toBe(204);
    expect(await closed).toBe(CloseCode.UNAUTHENTICATED);
    provider.destroy();
    expect((await other.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await user.api.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await new ApiClient(server.url).login(user.email, user.password)).status).toBe(401);
    expect((await new ApiClient(server.url).login(user.email, 'a perfectly new passphrase')).status).toBe(
      200,
    );
  });

  it('limits wrong current passwords per account with 429 rate_limited', async () => {
    const user = await newUser(new ApiClient(server.url));
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await user.api.request('POST', '/api/account/password', {
            currentPassword: `guess ${i}`,
            newPassword: 'a perfectly new passphrase',
          })
        ).status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});

describe('email change', () => {
  const tokenIn = async (to: string) => {
    const link = linkIn(await inbox.waitFor((m) => m.to === to), `${server.url}/confirm-email#`);
    return link.slice(link.indexOf('#') + 1);
  };

  it('sends a link to the new address; the address changes once it is used, and only once', async () => {
    const user = await newUser(new ApiClient(server.url), { name: 'Rui', locale: 'pt' });
    const newEmail = uniqueEmail('moved');
    const wrong = await user.api.request('POST', '/api/account/email', { newEmail, currentPassword: 'nope' });
    expect(wrong.body.error.code).toBe('wrong_password');
    const asked = await user.api.request('POST', '/api/account/email', {
      newEmail: newEmail.toUpperCase(),
      currentPassword: user.password,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    const mail = await inbox.waitFor((m) => m.to === newEmail);
    expect(mail.subject).toBe('Confirme seu novo e-mail no Accord');
    const token = await tokenIn(newEmail);
    // nothing changes before the link is used
    expect((await user.api.request('GET', '/api/auth/me')).body.user.email).toBe(user.email);

    const confirmed = await new ApiClient(server.url).request('POST', '/api/account/email/confirm', {
      token,
    });
    expect(confirmed.status).toBe(200);
    expect((await user.api.request('GET', '/api/auth/me')).body.user.email).toBe(newEmail);
    expect((await new ApiClient(server.url).login(newEmail, user.password)).status).toBe(200);
    expect((await new ApiClient(server.url).login(user.email, user.password)).status).toBe(401);
    const again = await user.api.request('POST', '/api/account/email/confirm', { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('token_invalid');
  });

  it('refuses an address another account took meanwhile, and malformed input', async () => {
    const user = await newUser(new ApiClient(server.url));
    const wanted = uniqueEmail('wanted');
    await user.api.request('POST', '/api/account/email', {
      newEmail: wanted,
      currentPassword: user.password,
    });
    const token = await tokenIn(wanted);
    await newUser(new ApiClient(server.url), { email: wanted });
    const taken = await user.api.request('POST', '/api/account/email/confirm', { token });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
    expect((await user.api.request('GET', '/api/auth/me')).body.user.email).toBe(user.email);
    const bad = await user.api.request('POST', '/api/account/email', {
      newEmail: 'not-an-email',
      currentPassword: 'x',
    });
    expect(bad.body.error.code).toBe('validation_failed');
    const unknown = await user.api.request('POST', '/api/account/email/confirm', { token: 'C'.repeat(43) });
    expect(unknown.body.error.code).toBe('token_invalid');
    expect(
      (
        await new ApiClient(server.url).request('POST', '/api/account/email', {
          newEmail: wanted,
          currentPassword: 'x',
        })
      ).status,
    ).toBe(401);
  });
});
