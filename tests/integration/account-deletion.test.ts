import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { freezeVersion } from '../helpers/documents.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';

/** Issue 17: a user deletes their own account. */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
let db: mongoose.Connection;
const A1 = clauseId();

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Access', paragraphs: ['States shall guarantee access to justice.'] },
  ]);
});

afterAll(async () => {
  writer?.destroy();
  await db?.close();
});

const remove = (api: ApiClient, currentPassword: unknown) =>
  api.request('POST', '/api/account/delete', { currentPassword });

describe('account deletion', () => {
  it('refuses a wrong or missing password and changes nothing', async () => {
    const { reviewer } = fx;
    const wrong = await remove(reviewer.api, 'not my password');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    const missing = await reviewer.api.request('POST', '/api/account/delete', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect((await reviewer.api.request('GET', '/api/auth/me')).body.user.email).toBe(reviewer.email);
    const members = await fx.coordinator.api.request('GET', `/api/documents/${fx.documentId}/members`);
    expect(members.body.members.map((m: { userId: string }) => m.userId)).toContain(reviewer.id);
    expect(await db.collection('account_deletions').countDocuments()).toBe(0);
    expect(
      (await new ApiClient(server.url).request('POST', '/api/account/delete', { currentPassword: 'x' }))
        .status,
    ).toBe(401);
  });

  it('refuses the last coordinator of a document with 409 and the documents to hand over', async () => {
    const answer = await remove(fx.coordinator.api, fx.coordinator.password);
    expect(
      answer.status,
      server
        .logs()
        .split('\n')
        .filter((l) => l.includes('"level":50'))
        .join('\n'),
    ).toBe(409);
    expect(answer.body.error.code).toBe('last_coordinator');
    expect(answer.body.error.details.documents).toEqual([
      { id: fx.documentId, title: 'Access to Justice Agreement' },
    ]);
    expect((await fx.coordinator.api.request('GET', '/api/auth/me')).status).toBe(200);
    expect(await db.collection('account_deletions').countDocuments()).toBe(0);
  });

  it('deletes: sessions end, sockets close, login fails, the email registers again, comments stay as a former member', async () => {
    const { reviewer, coordinator, documentId } = fx;
    const posted = await reviewer.api.request('POST', `/api/documents/${documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Please say "effective" access.',
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const other = new ApiClient(server.url);
    expect((await other.login(reviewer.email, reviewer.password)).status).toBe(200);
    const provider = openProvider(server.wsUrl, other.cookie, documentId);
    await whenSynced(provider);
    let closed = false;
    provider.on('connection-close', () => {
      closed = true;
    });

    const answer = await remove(reviewer.api, reviewer.password);
    expect(answer.status, JSON.stringify(answer.body)).toBe(204);
    await waitFor(() => closed, 'the deleted user’s socket to close');
    provider.destroy();

    // both sessions are worthless, the password opens nothing
    expect((await reviewer.api.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await other.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(server.url).login(reviewer.email, reviewer.password)).status).toBe(401);
    // the socket cannot come back with the old cookie
    const again = openProvider(server.wsUrl, other.cookie, documentId);
    let synced = false;
    again.on('sync', (s: boolean) => (synced ||= s));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(synced).toBe(false);
    again.destroy();

    // no longer a member; what they wrote stays, by a former member of their organisation
    const members = await coordinator.api.request('GET', `/api/documents/${documentId}/members`);
    expect(members.body.members.map((m: { userId: string }) => m.userId)).not.toContain(reviewer.id);
    const threads = await coordinator.api.request('GET', `/api/documents/${documentId}/comments`);
    const thread = threads.body.threads.find((t: any) => t.comment.id === posted.body.thread.comment.id);
    expect(thread.comment.body).toBe('Please say "effective" access.');
    expect(thread.comment.author).toMatchObject({
      id: reviewer.id,
      name: '',
      organisation: { name: 'Paralegal Network', country: 'KE' },
    });
    expect(JSON.stringify(threads.body)).not.toContain('Rosa Reviewer');
    // another user's own view is untouched
    const others = threads.body.threads.filter((t: any) => t.comment.author.id !== reviewer.id);
    for (const t of others) expect(t.comment.author.name).not.toBe('');
    expect((await fx.reviewer2.api.request('GET', '/api/auth/me')).body.user.name).toBe('Ravi Reviewer');

    // the user record keeps no personal data; the email can register again, as a new person
    const stored = await db.collection('users').findOne({ _id: new mongoose.Types.ObjectId(reviewer.id) });
    expect(stored?.email).not.toBe(reviewer.email);
    expect(stored?.name).toBe('');
    const anew = await new ApiClient(server.url).register({
      email: reviewer.email,
      password: 'another horse battery',
      name: 'Rosa Again',
    });
    expect(anew.status, JSON.stringify(anew.body)).toBe(201);
    expect(anew.body.user.id).not.toBe(reviewer.id);
    expect((await coordinator.api.request('GET', `/api/documents/${documentId}`)).status).toBe(200);
  });

  it('lets a coordinator go once another member coordinates too', async () => {
    const second = await newUser(new ApiClient(server.url), { name: 'Second Coordinator' });
    const created = await second.api.request('POST', '/api/documents', { title: 'Handed over' });
    const documentId = created.body.document.id as string;
    const helper = await newUser(new ApiClient(server.url));
    const invited = await second.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: helper.email,
      role: 'reviewer',
    });
    await helper.api.request('POST', `/api/invitations/${invited.body.invitation.id}/accept`);
    expect((await remove(second.api, second.password)).status).toBe(409);
    await freezeVersion(second, documentId, 'First reading');
    const handed = await second.api.request('POST', `/api/documents/${documentId}/hand-over`, {
      userId: helper.id,
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(204);
    expect((await remove(second.api, second.password)).status).toBe(204);
    // the version they froze stays, by a former member (the interface names them so)
    const versions = await helper.api.request('GET', `/api/documents/${documentId}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.versions[0].author).toEqual({ id: second.id, name: '' });
    const audit = await db
      .collection('audit_events')
      .find({
        actorId: new mongoose.Types.ObjectId(second.id),
        action: { $in: ['user.deleted', 'member.left'] },
      })
      .toArray();
    expect(audit.map((a) => a.action).sort()).toEqual(['member.left', 'user.deleted']);
  });
  it('does not hold a user back for a document in the bin (it cannot be opened to hand over)', async () => {
    const owner = await newUser(new ApiClient(server.url));
    const created = await owner.api.request('POST', '/api/documents', { title: 'Binned draft' });
    const documentId = created.body.document.id as string;
    const binned = await owner.api.request('DELETE', `/api/documents/${documentId}`, {
      title: 'Binned draft',
    });
    expect(binned.status, JSON.stringify(binned.body)).toBe(204);
    expect((await remove(owner.api, owner.password)).status).toBe(204);
  });
});
