import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { CloseCode } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { createDocumentWithMembers } from '../helpers/documents.js';
import { openProvider, openRawSocket, UpgradeRefused, whenSynced } from '../helpers/collab.js';

let server: TestServer;
let db: mongoose.Connection;

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
});

async function team() {
  const [owner, drafter, reviewer, stranger] = (await Promise.all(
    ['Owner', 'Drafter', 'Reviewer', 'Stranger'].map((name) => newUser(new ApiClient(server.url), { name })),
  )) as [NewUser, NewUser, NewUser, NewUser];
  const documentId = await createDocumentWithMembers(owner, { title: 'Shared plan' }, [
    [drafter, 'drafter'],
    [reviewer, 'reviewer'],
  ]);
  return { owner, drafter, reviewer, stranger, documentId };
}

const roles = async (documentId: string) =>
  Object.fromEntries(
    (
      await db
        .collection('memberships')
        .find({ documentId: new mongoose.Types.ObjectId(documentId) })
        .toArray()
    ).map((m) => [String(m.userId), m.role]),
  );

async function expectRefused(promise: Promise<unknown>, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpgradeRefused);
  expect((error as UpgradeRefused).status).toBe(status);
}

describe('POST /api/documents/:id/leave', () => {
  it('lets a member leave: their open socket is closed, the document is gone for them', async () => {
    const t = await team();
    const provider = openProvider(server.wsUrl, t.drafter.api.cookie, t.documentId);
    await whenSynced(provider);
    const closed = new Promise<number>((resolve) =>
      provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    );
    const left = await t.drafter.api.request('POST', `/api/documents/${t.documentId}/leave`);
    expect(left.status).toBe(204);
    expect(await closed).toBe(CloseCode.FORBIDDEN);
    provider.destroy();
    expect((await t.drafter.api.request('GET', `/api/documents/${t.documentId}`)).status).toBe(404);
    const mine = await t.drafter.api.request('GET', '/api/documents');
    expect(mine.body.documents.map((d: { id: string }) => d.id)).not.toContain(t.documentId);
    await expectRefused(openRawSocket(server.wsUrl, t.drafter.api.cookie, t.documentId), 404);
    expect(await roles(t.documentId)).toEqual({ [t.owner.id]: 'coordinator', [t.reviewer.id]: 'reviewer' });
    const audit = await db.collection('audit_events').findOne({ action: 'member.left' });
    expect(audit?.subjectUserId?.toString()).toBe(t.drafter.id);
  });

  it('refuses the last coordinator (409 last_coordinator) and changes nothing', async () => {
    const t = await team();
    const before = await roles(t.documentId);
    const res = await t.owner.api.request('POST', `/api/documents/${t.documentId}/leave`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('last_coordinator');
    expect(await roles(t.documentId)).toEqual(before);
  });

  it('answers 404 to a non-member, 400 to a malformed id, 401 without a session', async () => {
    const t = await team();
    expect((await t.stranger.api.request('POST', `/api/documents/${t.documentId}/leave`)).status).toBe(404);
    const bad = await t.drafter.api.request('POST', '/api/documents/not-an-id/leave');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(
      (await new ApiClient(server.url).request('POST', `/api/documents/${t.documentId}/leave`)).status,
    ).toBe(401);
    expect(Object.keys(await roles(t.documentId))).toHaveLength(3);
  });
});

describe('POST /api/documents/:id/hand-over', () => {
  it('makes another member coordinator and steps the giver down in one action', async () => {
    const t = await team();
    const provider = openProvider(server.wsUrl, t.owner.api.cookie, t.documentId);
    await whenSynced(provider);
    const res = await t.owner.api.request('POST', `/api/documents/${t.documentId}/hand-over`, {
      userId: t.reviewer.id,
      myRole: 'drafter',
    });
    expect(res.status).toBe(204);
    expect(await roles(t.documentId)).toEqual({
      [t.owner.id]: 'drafter',
      [t.drafter.id]: 'drafter',
      [t.reviewer.id]: 'coordinator',
    });
    const mine = await t.owner.api.request('GET', `/api/documents/${t.documentId}`);
    expect(mine.body.document.abilities.manage).toBe(false);
    // the former coordinator may now leave; the new one may not (the last coordinator)
    const last = await t.reviewer.api.request('POST', `/api/documents/${t.documentId}/leave`);
    expect(last.body.error.code).toBe('last_coordinator');
    expect((await t.owner.api.request('POST', `/api/documents/${t.documentId}/leave`)).status).toBe(204);
    provider.destroy();
  });

  it('shares the role when the giver names no role of their own', async () => {
    const t = await team();
    const res = await t.owner.api.request('POST', `/api/documents/${t.documentId}/hand-over`, {
      userId: t.drafter.id,
    });
    expect(res.status).toBe(204);
    expect(await roles(t.documentId)).toMatchObject({
      [t.owner.id]: 'coordinator',
      [t.drafter.id]: 'coordinator',
    });
  });

  it('refuses non-coordinators, strangers, non-members, oneself and bad input, writing nothing', async () => {
    const t = await team();
    const before = await roles(t.documentId);
    const path = `/api/documents/${t.documentId}/hand-over`;
    const asDrafter = await t.drafter.api.request('POST', path, { userId: t.drafter.id, myRole: 'drafter' });
    expect(asDrafter.status).toBe(403);
    expect((await t.stranger.api.request('POST', path, { userId: t.stranger.id })).status).toBe(404);
    const toStranger = await t.owner.api.request('POST', path, { userId: t.stranger.id, myRole: 'reviewer' });
    expect(toStranger.status).toBe(404);
    const toSelf = await t.owner.api.request('POST', path, { userId: t.owner.id, myRole: 'reviewer' });
    expect(toSelf.status).toBe(400);
    expect(toSelf.body.error.code).toBe('hand_over_to_self');
    for (const body of [
      {},
      { userId: 'x' },
      { userId: t.drafter.id, myRole: 'king' },
      { userId: t.drafter.id, extra: 1 },
    ]) {
      const res = await t.owner.api.request('POST', path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await roles(t.documentId)).toEqual(before);
  });

  it('never leaves the document without a coordinator when two coordinators step down at once', async () => {
    const t = await team();
    await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.drafter.id}`, {
      role: 'coordinator',
    });
    // both coordinators leave at once: one of them must stay
    const [a, b] = await Promise.all([
      t.owner.api.request('POST', `/api/documents/${t.documentId}/leave`),
      t.drafter.api.request('POST', `/api/documents/${t.documentId}/leave`),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
    const after = await roles(t.documentId);
    expect(Object.values(after).filter((r) => r === 'coordinator')).toHaveLength(1);
  });
});
