import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';

/** Issue 17: shareable join links per document and role. */
let server: TestServer;
let db: mongoose.Connection;
let coordinator: NewUser;
let reviewer: NewUser;
let documentId: string;

beforeAll(async () => {
  server = await startServer({ env: { JOIN_LINK_MAX_PER_USER: '6' } });
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
  coordinator = await newUser(new ApiClient(server.url), { name: 'Cora Coordinator' });
  reviewer = await newUser(new ApiClient(server.url), { name: 'Rui Reviewer' });
  const created = await coordinator.api.request('POST', '/api/documents', { title: 'Workshop draft' });
  documentId = created.body.document.id;
  await addMember(coordinator.api, documentId, reviewer, 'reviewer');
});

afterAll(async () => {
  await db?.close();
});

const create = (user: NewUser, body: unknown) =>
  user.api.request('POST', `/api/documents/${documentId}/join-links`, body);
const join = (user: NewUser, token: string) => user.api.request('POST', '/api/join-links/join', { token });
const roleOf = async (user: NewUser) => {
  const members = await coordinator.api.request('GET', `/api/documents/${documentId}/members`);
  return members.body.members.find((m: { userId: string }) => m.userId === user.id)?.role ?? null;
};

describe('creating join links', () => {
  it('is for coordinators only: members get 403, strangers 404, nobody signed in 401', async () => {
    const body = { role: 'reviewer', expiresInDays: 7 };
    expect((await create(reviewer, body)).status).toBe(403);
    const stranger = await newUser(new ApiClient(server.url));
    expect((await create(stranger, body)).status).toBe(404);
    expect((await stranger.api.request('GET', `/api/documents/${documentId}/join-links`)).status).toBe(404);
    expect((await reviewer.api.request('GET', `/api/documents/${documentId}/join-links`)).status).toBe(403);
    expect(
      (await new ApiClient(server.url).request('POST', `/api/documents/${documentId}/join-links`, body))
        .status,
    ).toBe(401);
    expect(await db.collection('join_links').countDocuments()).toBe(0);
  });

  it('refuses bad input with 400 validation_failed and stores nothing', async () => {
    for (const body of [
      {},
      { role: 'coordinator', expiresInDays: 7 },
      { role: 'editor', expiresInDays: 7 },
      { role: 'reviewer', expiresInDays: 3 },
      { role: 'reviewer', expiresInDays: '7' },
      { role: 'reviewer', expiresInDays: 7, token: 'mine' },
    ]) {
      const answer = await create(coordinator, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
    const bad = await coordinator.api.request('POST', '/api/join-links/join', { token: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(await db.collection('join_links').countDocuments()).toBe(0);
  });

  it('stores only the token’s SHA-256, lists active links and shows them to coordinators only', async () => {
    const answer = await create(coordinator, { role: 'observer', expiresInDays: 1 });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const { token, link } = answer.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(link).toMatchObject({
      role: 'observer',
      createdBy: { id: coordinator.id, name: 'Cora Coordinator' },
    });
    const expiresIn = new Date(link.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(23 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000);

    const stored = await db.collection('join_links').find().toArray();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));

    const listed = await coordinator.api.request('GET', `/api/documents/${documentId}/join-links`);
    expect(listed.status).toBe(200);
    expect(listed.body.links).toEqual([link]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });
});

describe('joining', () => {
  it('lets a signed-in stranger join with the link’s role; a lookup works signed out', async () => {
    const { token } = (await create(coordinator, { role: 'reviewer', expiresInDays: 7 })).body;
    const lookup = await new ApiClient(server.url).request('POST', '/api/join-links/lookup', { token });
    expect(lookup.status).toBe(200);
    expect(lookup.body.target).toMatchObject({
      role: 'reviewer',
      document: { id: documentId, title: 'Workshop draft' },
    });
    expect((await new ApiClient(server.url).request('POST', '/api/join-links/join', { token })).status).toBe(
      401,
    );

    const participant = await newUser(new ApiClient(server.url));
    expect((await participant.api.request('GET', `/api/documents/${documentId}`)).status).toBe(404);
    const joined = await join(participant, token);
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body.document).toMatchObject({ id: documentId, role: 'reviewer' });
    expect(await roleOf(participant)).toBe('reviewer');
    expect((await participant.api.request('GET', `/api/documents/${documentId}`)).status).toBe(200);
    // joining again changes nothing
    expect((await join(participant, token)).body.changed).toBe(false);
  });

  it('never lowers a role, and raises a lower one', async () => {
    const observerLink = (await create(coordinator, { role: 'observer', expiresInDays: 7 })).body.token;
    const drafterLink = (await create(coordinator, { role: 'drafter', expiresInDays: 7 })).body.token;
    const kept = await join(reviewer, observerLink);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ changed: false, document: { role: 'reviewer' } });
    expect(await roleOf(reviewer)).toBe('reviewer');
    expect((await join(coordinator, drafterLink)).body.document.role).toBe('coordinator');
    expect(await roleOf(coordinator)).toBe('coordinator');

    const raised = await join(reviewer, drafterLink);
    expect(raised.body).toMatchObject({ changed: true, document: { role: 'drafter' } });
    expect(await roleOf(reviewer)).toBe('drafter');
  });

  it('refuses revoked (410 join_link_revoked), expired (410 join_link_expired) and unknown (404) links', async () => {
    const created = (await create(coordinator, { role: 'reviewer', expiresInDays: 1 })).body;
    const outsider = await newUser(new ApiClient(server.url));
    expect(
      (await outsider.api.request('DELETE', `/api/documents/${documentId}/join-links/${created.link.id}`))
        .status,
    ).toBe(404);
    const revoked = await coordinator.api.request(
      'DELETE',
      `/api/documents/${documentId}/join-links/${created.link.id}`,
    );
    expect(revoked.status).toBe(204);
    const refused = await join(outsider, created.token);
    expect(refused.status).toBe(410);
    expect(refused.body.error.code).toBe('join_link_revoked');
    const looked = await outsider.api.request('POST', '/api/join-links/lookup', { token: created.token });
    expect(looked.body.error.code).toBe('join_link_revoked');
    const listed = await coordinator.api.request('GET', `/api/documents/${documentId}/join-links`);
    expect(listed.body.links.map((l: { id: string }) => l.id)).not.toContain(created.link.id);

    const expiring = (await create(coordinator, { role: 'reviewer', expiresInDays: 1 })).body;
    await db
      .collection('join_links')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(expiring.link.id) },
        { $set: { expiresAt: new Date(Date.now() - 1000) } },
      );
    const expired = await join(outsider, expiring.token);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('join_link_expired');

    const unknown = await join(outsider, 'A'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('join_link_unknown');
    expect(await roleOf(outsider)).toBeNull();
  });

  it('limits joins per account (429 rate_limited)', async () => {
    const { token } = (await create(coordinator, { role: 'observer', expiresInDays: 1 })).body;
    const eager = await newUser(new ApiClient(server.url));
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await join(eager, token)).status);
    expect(statuses.slice(0, 6).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
