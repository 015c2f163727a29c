import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';
import { startSmtpInbox, linkIn, type SmtpInbox, type ReceivedMail } from '../helpers/smtpInbox.js';

/** Issue 17: invitations by email with a link, through a real SMTP server. */
let server: TestServer;
let inbox: SmtpInbox;
let db: mongoose.Connection;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  server = await startServer({ env: { SMTP_URL: inbox.url, MAIL_RETRY_BASE_MS: '200' } });
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
  await inbox?.close();
});

const SECRET_TEXT = 'Clause text only members may read';

async function setUp(locale = 'en') {
  const owner = await newUser(new ApiClient(server.url), { name: 'Olga Owner', locale });
  const created = await owner.api.request('POST', '/api/documents', {
    title: 'Paralegal action plan',
    content: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: 'Paralegal action plan' }] },
        { type: 'paragraph', content: [{ type: 'text', text: SECRET_TEXT }] },
      ],
    },
  });
  const documentId: string = created.body.document.id;
  const invite = async (email: string, role = 'reviewer') => {
    const res = await owner.api.request('POST', `/api/documents/${documentId}/invitations`, { email, role });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.invitation.id as string;
  };
  return { owner, documentId, invite };
}

const tokenOf = (mail: ReceivedMail) => {
  const link = linkIn(mail, `${server.url}/invitation#`);
  return link.slice(link.indexOf('#') + 1);
};
const mailTo = (email: string, after = 0) =>
  inbox.waitFor((m) => m.to === email && inbox.messages.indexOf(m) >= after);
const lookup = (token: string, api = new ApiClient(server.url)) =>
  api.request('POST', '/api/invitation-links/lookup', { token });
const acceptLink = (user: NewUser, token: string) =>
  user.api.request('POST', '/api/invitation-links/accept', { token });

describe('the invitation email', () => {
  it('links someone without an account to registering and the document; title only, inviter language', async () => {
    const t = await setUp('pt');
    const email = uniqueEmail('newcomer');
    await t.invite(email, 'drafter');
    const mail = await mailTo(email);
    expect(mail.subject).toBe('Convite para “Paralegal action plan” no Accord');
    expect(mail.text).toContain('Olga Owner convida você');
    expect(mail.text).toContain('redator(a)');
    expect(mail.html).toContain('<a href=');
    expect(mail.text + mail.html).not.toContain(SECRET_TEXT);
    const token = tokenOf(mail);
    expect(JSON.stringify(await db.collection('invitations').find({}).toArray())).not.toContain(token);

    const seen = await lookup(token);
    expect(seen.status).toBe(200);
    expect(seen.body.invitation).toEqual({
      email,
      role: 'drafter',
      state: 'pending',
      document: { id: t.documentId, title: 'Paralegal action plan' },
      invitedBy: { name: 'Olga Owner' },
      expiresAt: expect.any(String),
    });

    const newcomer = await newUser(new ApiClient(server.url), { email });
    const accepted = await acceptLink(newcomer, token);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.document).toMatchObject({ id: t.documentId, role: 'drafter' });
    expect((await lookup(token)).body.invitation.state).toBe('accepted');
  });

  it('is in the language of the account that has the address', async () => {
    const t = await setUp('en');
    const invitee = await newUser(new ApiClient(server.url), { locale: 'fr' });
    await t.invite(invitee.email);
    const mail = await mailTo(invitee.email);
    expect(mail.subject).toBe('Invitation à « Paralegal action plan » sur Accord');
    expect(mail.language).toBe('fr');
    expect((await acceptLink(invitee, tokenOf(mail))).status).toBe(200);
  });
});

describe('misuse', () => {
  it('refuses the link to an account with another address, and keeps it for the invited one', async () => {
    const t = await setUp();
    const invitee = await newUser(new ApiClient(server.url));
    await t.invite(invitee.email);
    const token = tokenOf(await mailTo(invitee.email));
    const other = await newUser(new ApiClient(server.url));
    const refused = await acceptLink(other, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('invitation_other_address');
    expect((await other.api.request('GET', `/api/documents/${t.documentId}`)).status).toBe(404);
    expect((await acceptLink(invitee, token)).status).toBe(200);
  });

  it('refuses signed-out, malformed and unknown links', async () => {
    const api = new ApiClient(server.url);
    expect(
      (await api.request('POST', '/api/invitation-links/accept', { token: 'A'.repeat(43) })).status,
    ).toBe(401);
    const malformed = await lookup('not a token!');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
    const unknown = await lookup('B'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('token_invalid');
  });

  it('closes the link when the invitation expires or is withdrawn', async () => {
    const t = await setUp();
    const late = await newUser(new ApiClient(server.url));
    const lateId = await t.invite(late.email);
    const lateToken = tokenOf(await mailTo(late.email));
    await db
      .collection('invitations')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(lateId) },
        { $set: { expiresAt: new Date(Date.now() - 1000) } },
      );
    expect((await lookup(lateToken)).body.invitation.state).toBe('closed');
    const expired = await acceptLink(late, lateToken);
    expect(expired.status).toBe(409);
    expect(expired.body.error.code).toBe('invitation_closed');

    const withdrawn = await newUser(new ApiClient(server.url));
    const id = await t.invite(withdrawn.email);
    const token = tokenOf(await mailTo(withdrawn.email));
    expect(
      (await t.owner.api.request('DELETE', `/api/documents/${t.documentId}/invitations/${id}`)).status,
    ).toBe(204);
    expect((await acceptLink(withdrawn, token)).body.error.code).toBe('invitation_closed');
    expect((await withdrawn.api.request('GET', `/api/documents/${t.documentId}`)).status).toBe(404);
  });

  it('lets one of two concurrent acceptances and a withdrawal win', async () => {
    const t = await setUp();
    const invitee = await newUser(new ApiClient(server.url));
    const id = await t.invite(invitee.email);
    const token = tokenOf(await mailTo(invitee.email));
    const [accepted, revoked] = await Promise.all([
      acceptLink(invitee, token),
      t.owner.api.request('DELETE', `/api/documents/${t.documentId}/invitations/${id}`),
    ]);
    expect([accepted.status, revoked.status].sort()).toEqual(
      accepted.status === 200 ? [200, 409] : [204, 409],
    );
  });
});

describe('coordinators', () => {
  it('keep the link working through a role change; resending sends a new link and ends the old one', async () => {
    const t = await setUp();
    const invitee = await newUser(new ApiClient(server.url));
    const id = await t.invite(invitee.email, 'observer');
    const first = tokenOf(await mailTo(invitee.email));
    const changed = await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/invitations/${id}`, {
      role: 'drafter',
    });
    expect(changed.status).toBe(200);
    expect((await lookup(first)).body.invitation).toMatchObject({ role: 'drafter', state: 'pending' });

    const count = inbox.messages.length;
    const resent = await t.owner.api.request(
      'POST',
      `/api/documents/${t.documentId}/invitations/${changed.body.invitation.id}/resend`,
    );
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body.invitation).toMatchObject({ email: invitee.email, role: 'drafter' });
    const second = tokenOf(await mailTo(invitee.email, count));
    expect(second).not.toBe(first);
    expect((await lookup(first)).body.invitation.state).toBe('closed');
    expect((await acceptLink(invitee, first)).body.error.code).toBe('invitation_closed');
    const accepted = await acceptLink(invitee, second);
    expect(accepted.body.document).toMatchObject({ id: t.documentId, role: 'drafter' });

    // only coordinators resend
    const again = await invitee.api.request(
      'POST',
      `/api/documents/${t.documentId}/invitations/${resent.body.invitation.id}/resend`,
    );
    expect(again.status).toBe(403);
  });
});
