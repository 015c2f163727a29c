import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';

/** Pending invitations (issue 13 item 10): invite, accept, decline, withdraw, change the role. */
let server: TestServer;
let db: mongoose.Connection;

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
});

async function setUp() {
  const owner = await newUser(new ApiClient(server.url), {
    name: 'Owner',
    organisation: { name: 'Dejusticia', kind: 'civil_society', country: 'CO' },
  });
  const documentId: string = (await owner.api.request('POST', '/api/documents', { title: 'Invited to' })).body
    .document.id;
  const invitee = await newUser(new ApiClient(server.url), { name: 'Invitee' });
  const invite = async (email: string, role = 'reviewer') => {
    const res = await owner.api.request('POST', `/api/documents/${documentId}/invitations`, { email, role });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.invitation.id as string;
  };
  return { owner, documentId, invitee, invite };
}

const received = async (user: NewUser) =>
  (await user.api.request('GET', '/api/invitations')).body.invitations;
const accept = (user: NewUser, id: string) => user.api.request('POST', `/api/invitations/${id}/accept`);
const roleOf = async (user: NewUser, documentId: string) => {
  const res = await user.api.request('GET', `/api/documents/${documentId}`);
  return res.status === 200 ? res.body.document.role : res.status;
};

describe('accepting', () => {
  it('shows the invitee the invitation; accepting makes them a member with the role', async () => {
    const t = await setUp();
    const id = await t.invite(t.invitee.email.toUpperCase(), 'drafter');
    expect(await roleOf(t.invitee, t.documentId)).toBe(404);
    expect(await received(t.invitee)).toEqual([
      {
        id,
        document: { id: t.documentId, title: 'Invited to', kind: 'other', language: 'en' },
        role: 'drafter',
        invitedBy: { name: 'Owner', organisation: expect.objectContaining({ name: 'Dejusticia' }) },
        invitedAt: expect.any(String),
        expiresAt: expect.any(String),
      },
    ]);
    // nobody else can see or use it
    const other = await newUser(new ApiClient(server.url));
    expect(await received(other)).toEqual([]);
    expect((await accept(other, id)).status).toBe(404);
    expect((await new ApiClient(server.url).request('POST', `/api/invitations/${id}/accept`)).status).toBe(
      401,
    );

    const accepted = await accept(t.invitee, id);
    expect(accepted.status).toBe(200);
    expect(accepted.body.document).toMatchObject({ id: t.documentId, role: 'drafter' });
    expect(await roleOf(t.invitee, t.documentId)).toBe('drafter');
    expect(await received(t.invitee)).toEqual([]);
    const members = await t.owner.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(members.body.invitations).toEqual([]);
    expect(members.body.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Owner', 'coordinator'],
      ['Invitee', 'drafter'],
    ]);
    // accepting again is harmless; the membership is then managed like any other
    expect((await accept(t.invitee, id)).status).toBe(200);
    const removed = await t.owner.api.request(
      'DELETE',
      `/api/documents/${t.documentId}/members/${t.invitee.id}`,
    );
    expect(removed.status).toBe(204);
    expect(await roleOf(t.invitee, t.documentId)).toBe(404);
  });

  it('reaches someone who registers with the address later', async () => {
    const t = await setUp();
    const email = uniqueEmail('later');
    const id = await t.invite(email, 'observer');
    const late = await newUser(new ApiClient(server.url), { email: email.toUpperCase(), name: 'Late' });
    expect((await received(late)).map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await accept(late, id)).status).toBe(200);
    expect(await roleOf(late, t.documentId)).toBe('observer');
  });
});

describe('declining, withdrawing, changing the role', () => {
  it('declined: gone for both sides, cannot be accepted, the address can be invited again', async () => {
    const t = await setUp();
    const id = await t.invite(t.invitee.email);
    expect((await t.invitee.api.request('POST', `/api/invitations/${id}/decline`)).status).toBe(204);
    expect(await received(t.invitee)).toEqual([]);
    const members = await t.owner.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(members.body.invitations).toEqual([]);
    const late = await accept(t.invitee, id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invitation_closed');
    expect(await roleOf(t.invitee, t.documentId)).toBe(404);
    const second = await t.invite(t.invitee.email, 'drafter');
    expect(second).not.toBe(id);
    expect((await accept(t.invitee, second)).status).toBe(200);
    expect(await roleOf(t.invitee, t.documentId)).toBe('drafter');
  });

  it('withdrawn by a coordinator: the invitee can no longer accept; only coordinators withdraw', async () => {
    const t = await setUp();
    const reviewer = await newUser(new ApiClient(server.url));
    await accept(reviewer, await t.invite(reviewer.email, 'reviewer'));
    const id = await t.invite(t.invitee.email);
    const path = `/api/documents/${t.documentId}/invitations/${id}`;
    expect((await reviewer.api.request('DELETE', path)).status).toBe(403);
    expect((await t.invitee.api.request('DELETE', path)).status).toBe(404);
    expect((await t.owner.api.request('DELETE', path)).status).toBe(204);
    expect((await t.owner.api.request('DELETE', path)).status).toBe(409);
    expect(await received(t.invitee)).toEqual([]);
    expect((await accept(t.invitee, id)).status).toBe(409);
    expect(await roleOf(t.invitee, t.documentId)).toBe(404);
  });

  it('role changed while pending: the invitee joins with the new role', async () => {
    const t = await setUp();
    const id = await t.invite(t.invitee.email, 'observer');
    const changed = await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/invitations/${id}`, {
      role: 'drafter',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.invitation).toMatchObject({ email: t.invitee.email, role: 'drafter' });
    const members = await t.owner.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(members.body.invitations).toEqual([changed.body.invitation]);
    expect((await received(t.invitee)).map((i: { role: string }) => i.role)).toEqual(['drafter']);
    expect((await accept(t.invitee, id)).status).toBe(409);
    expect((await accept(t.invitee, changed.body.invitation.id)).status).toBe(200);
    expect(await roleOf(t.invitee, t.documentId)).toBe('drafter');
  });
});

describe('concurrency', () => {
  it('an acceptance and a withdrawal at the same moment, in two server processes: one wins', async () => {
    const t = await setUp();
    const second = await startServer({ dbName: server.dbName });
    try {
      // the owner's session, on the other server process (same database, same session secret)
      const ownerThere = new ApiClient(second.url);
      ownerThere.cookie = t.owner.api.cookie;
      const outcomes: string[] = [];
      for (let round = 0; round < 6; round++) {
        const invitee = await newUser(new ApiClient(server.url));
        const id = await t.invite(invitee.email);
        const [accepted, revoked] = await Promise.all([
          accept(invitee, id),
          ownerThere.request('DELETE', `/api/documents/${t.documentId}/invitations/${id}`),
        ]);
        const statuses = [accepted.status, revoked.status];
        expect([
          [200, 409],
          [409, 204],
        ]).toContainEqual(statuses);
        const won = accepted.status === 200 ? 'accepted' : 'revoked';
        outcomes.push(won);
        expect(await roleOf(invitee, t.documentId)).toBe(won === 'accepted' ? 'reviewer' : 404);
        expect(await db.collection('invitation_outcomes').countDocuments({ _id: id as never })).toBe(1);
      }
      expect(outcomes).toHaveLength(6);
    } finally {
      await second.stop();
    }
  });

  it('the same address invited many times at once: one invitation', async () => {
    const t = await setUp();
    const email = uniqueEmail('many');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.owner.api.request('POST', `/api/documents/${t.documentId}/invitations`, {
          email,
          role: 'observer',
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(7).fill('already_invited'),
    );
    const members = await t.owner.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(members.body.invitations).toHaveLength(1);
  });
});

describe('who may invite', () => {
  it('coordinators only (403 for other roles, 404 for non-members); members are 409 already_member', async () => {
    const t = await setUp();
    await accept(t.invitee, await t.invite(t.invitee.email, 'drafter'));
    const body = { email: uniqueEmail(), role: 'observer' };
    const path = `/api/documents/${t.documentId}/invitations`;
    expect((await t.invitee.api.request('POST', path, body)).status).toBe(403);
    const stranger = await newUser(new ApiClient(server.url));
    expect((await stranger.api.request('POST', path, body)).status).toBe(404);
    const member = await t.owner.api.request('POST', path, { email: t.invitee.email, role: 'observer' });
    expect(member.status).toBe(409);
    expect(member.body.error.code).toBe('already_member');
    expect((await t.owner.api.request('POST', path, { email: 'nope', role: 'observer' })).status).toBe(400);
  });
});
