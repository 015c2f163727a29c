import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { DEFAULT_NOTIFICATION_EMAILS, formatMention } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { startSmtpInbox, type SmtpInbox } from '../helpers/smtpInbox.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { clauseId, openSynced, writeArticles } from '../helpers/commentsFixture.js';

/**
 * Notifications by email (issue 17), through a real SMTP server: each person's choice per kind
 * (at once, daily digest, never), in their language, never with a comment's text; the digest
 * groups by document. The digest hour is 0 UTC here, so the day's digest is due at once.
 */
let server: TestServer;
let inbox: SmtpInbox;
const open: WebsocketProvider[] = [];
const SECRET = 'confidential wording only members may read';

beforeAll(async () => {
  inbox = await startSmtpInbox();
  server = await startServer({
    env: { SMTP_URL: inbox.url, NOTIFICATION_MAIL_INTERVAL_MS: '200', NOTIFICATION_DIGEST_HOUR_UTC: '0' },
  });
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await inbox?.close();
});

async function documentWithArticle(owner: Awaited<ReturnType<typeof newUser>>, title: string) {
  const created = await owner.api.request('POST', '/api/documents', { title });
  const documentId: string = created.body.document.id;
  const id = clauseId();
  const writer = await openSynced(server.wsUrl, owner, documentId);
  open.push(writer);
  await writeArticles(server.wsUrl, writer, owner, documentId, [
    { id, heading: 'Legal aid', paragraphs: ['States provide legal aid.'] },
  ]);
  return { documentId, clause: id };
}

describe('notification emails', () => {
  it('send each person what they chose, in their language, without the comment’s text', async () => {
    const owner = await newUser(new ApiClient(server.url), { name: 'Olga Owner' });
    const rosa = await newUser(new ApiClient(server.url), { name: 'Rosa Revisora', locale: 'es' });
    const nadia = await newUser(new ApiClient(server.url), { name: 'Nadia Never' });
    const { documentId, clause } = await documentWithArticle(owner, 'Acuerdo de Escazú');
    await addMember(owner.api, documentId, rosa, 'reviewer');
    await addMember(owner.api, documentId, nadia, 'reviewer');
    const defaults = await nadia.api.request('GET', '/api/account/notification-emails');
    expect(defaults.body.settings).toEqual(DEFAULT_NOTIFICATION_EMAILS);
    expect(defaults.body.settings).toMatchObject({ mention: 'immediately', reply: 'daily' });
    const never = { ...defaults.body.settings, mention: 'never' };
    expect(
      (await nadia.api.request('PATCH', '/api/account/notification-emails', never)).body.settings,
    ).toEqual(never);
    const bad = await nadia.api.request('PATCH', '/api/account/notification-emails', {
      ...never,
      mention: 'hourly',
    });
    expect(bad.status).toBe(400);
    const res = await owner.api.request('POST', `/api/documents/${documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: clause },
      body: `${formatMention('Rosa', rosa.id)} ${formatMention('Nadia', nadia.id)} ${SECRET}`,
    });
    expect(res.status).toBe(201);
    const mail = await inbox.waitFor((m) => m.to === rosa.email && m.subject.includes('mencionó'), 10_000);
    expect(mail.subject).toContain('Olga Owner le mencionó en «Acuerdo de Escazú»');
    expect(mail.text).toContain(`/documents/${documentId}?comment=${res.body.thread.id}`);
    expect(mail.text + mail.html).not.toContain(SECRET);
    // Nadia chose "never" for mentions: nothing comes, while her bell has it
    await new Promise((r) => setTimeout(r, 1000));
    expect(inbox.messages.filter((m) => m.to === nadia.email && !m.subject.includes('Invitation'))).toEqual(
      [],
    );
    expect((await nadia.api.request('GET', '/api/notifications')).body.unread).toBe(1);
  });

  it('gather "daily" kinds into one digest a day, grouped by document, sent once', async () => {
    const owner = await newUser(new ApiClient(server.url), { name: 'Olga Owner' });
    const drafter = await newUser(new ApiClient(server.url), { name: 'Dana Drafter' });
    const first = await documentWithArticle(owner, 'Action plan West Africa');
    const second = await documentWithArticle(owner, 'Action plan Andes');
    // (the digest is due as soon as there is something for it: the owner takes replies by email only
    // once every reply is there, so that one digest holds them all)
    const settings = (await owner.api.request('GET', '/api/account/notification-emails')).body.settings;
    await owner.api.request('PATCH', '/api/account/notification-emails', { ...settings, reply: 'never' });
    const threads: string[] = [];
    for (const doc of [first, second]) {
      await addMember(owner.api, doc.documentId, drafter, 'drafter');
      const made = await owner.api.request('POST', `/api/documents/${doc.documentId}/comments`, {
        anchor: { kind: 'clause', clauseId: doc.clause },
        body: SECRET,
      });
      threads.push(made.body.thread.id);
      // replies notify the owner (a "daily" kind by default)
      await drafter.api.request('POST', `/api/comments/${made.body.thread.id}/replies`, { body: SECRET });
    }
    await new Promise((r) => setTimeout(r, 500));
    await owner.api.request('PATCH', '/api/account/notification-emails', settings);
    const digest = await inbox.waitFor(
      (m) => m.to === owner.email && m.subject.includes('new notifications'),
      10_000,
    );
    expect(digest.subject).toBe('Accord: 2 new notifications');
    const west = digest.text.indexOf('— Action plan West Africa');
    const andes = digest.text.indexOf('— Action plan Andes');
    expect(west).toBeGreaterThan(-1);
    expect(andes).toBeGreaterThan(west);
    expect(digest.text).toContain('Dana Drafter replied in a discussion you took part in');
    expect(digest.text).toContain(`?comment=${threads[1]}`);
    expect(digest.text + digest.html).not.toContain(SECRET);
    // a later reply the same day: no second digest today
    await drafter.api.request('POST', `/api/comments/${threads[0]}/replies`, { body: 'again' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      inbox.messages.filter((m) => m.to === owner.email && m.subject.includes('notification')),
    ).toHaveLength(1);
  });
});
