import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';

let server: TestServer;
let db: mongoose.Connection;

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
});

/** A document owned by a new coordinator, with one member per other role. */
async function team() {
  const owner = await newUser(new ApiClient(server.url), {
    name: 'Owner',
    organisation: { name: 'Dejusticia', kind: 'civil_society', country: 'CO' },
  });
  const created = await owner.api.request('POST', '/api/documents', { title: 'Team document' });
  const documentId: string = created.body.document.id;
  const members = {} as Record<'observer' | 'reviewer' | 'drafter', NewUser>;
  for (const role of ['observer', 'reviewer', 'drafter'] as const) {
    members[role] = await newUser(new ApiClient(server.url), { name: role });
    await addMember(owner.api, documentId, members[role], role);
  }
  const stranger = await newUser(new ApiClient(server.url), { name: 'Stranger' });
  return { owner, documentId, stranger, ...members };
}

describe('GET /api/documents/:id/members', () => {
  it('lists the members for any member, with canManage and emails only for coordinators', async () => {
    const t = await team();
    const asOwner = await t.owner.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(asOwner.status).toBe(200);
    expect(asOwner.body.members).toEqual([
      {
        userId: t.owner.id,
        email: t.owner.email,
        name: 'Owner',
        organisation: { id: expect.any(String), name: 'Dejusticia', kind: 'civil_society', country: 'CO' },
        role: 'coordinator',
        // the last coordinator cannot be demoted or removed
        canManage: false,
      },
      {
        userId: t.observer.id,
        email: t.observer.email,
        name: 'observer',
        organisation: null,
        role: 'observer',
        canManage: true,
      },
      {
        userId: t.reviewer.id,
        email: t.reviewer.email,
        name: 'reviewer',
        organisation: null,
        role: 'reviewer',
        canManage: true,
      },
      {
        userId: t.drafter.id,
        email: t.drafter.email,
        name: 'drafter',
        organisation: null,
        role: 'drafter',
        canManage: true,
      },
    ]);
    expect(asOwner.body.invitations).toEqual([]);
    for (const role of ['observer', 'reviewer', 'drafter'] as const) {
      const res = await t[role].api.request('GET', `/api/documents/${t.documentId}/members`);
      expect(res.status, role).toBe(200);
      expect(res.body.members).toHaveLength(4);
      expect(res.body.members.every((m: { canManage: boolean }) => m.canManage === false)).toBe(true);
      // issue 12: only coordinators get the members' emails (and the pending invitations)
      expect(res.body.members.map((m: { name: string }) => m.name)).toEqual([
        'Owner',
        'observer',
        'reviewer',
        'drafter',
      ]);
      expect(
        res.body.members.some((m: object) => 'email' in m),
        role,
      ).toBe(false);
      expect(JSON.stringify(res.body), role).not.toMatch(/@example\.org/);
      expect(res.body.invitations, role).toBeUndefined();
    }
    expect(JSON.stringify(asOwner.body)).not.toMatch(/passwordHash|scrypt/);
  });

  it('answers 404 to a non-member and 401 without a session', async () => {
    const t = await team();
    expect((await t.stranger.api.request('GET', `/api/documents/${t.documentId}/members`)).status).toBe(404);
    expect(
      (await new ApiClient(server.url).request('GET', `/api/documents/${t.documentId}/members`)).status,
    ).toBe(401);
  });
});

describe('PATCH /api/documents/:id/members/:userId', () => {
  it('lets a coordinator change a role; the member gets the new abilities', async () => {
    const t = await team();
    const res = await t.owner.api.request(
      'PATCH',
      `/api/documents/${t.documentId}/members/${t.observer.id}`,
      { role: 'drafter' },
    );
    expect(res.status).toBe(200);
    expect(res.body.member.role).toBe('drafter');
    const theirs = await t.observer.api.request('GET', `/api/documents/${t.documentId}`);
    expect(theirs.body.document.abilities.edit).toBe(true);
  });

  it('refuses to demote the last coordinator (409 last_coordinator), allows it once there is another', async () => {
    const t = await team();
    const alone = await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.owner.id}`, {
      role: 'drafter',
    });
    expect(alone.status).toBe(409);
    expect(alone.body.error.code).toBe('last_coordinator');
    await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.drafter.id}`, {
      role: 'coordinator',
    });
    const members = await t.owner.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(members.body.members.find((m: { userId: string }) => m.userId === t.owner.id).canManage).toBe(
      true,
    );
    const demoted = await t.owner.api.request(
      'PATCH',
      `/api/documents/${t.documentId}/members/${t.owner.id}`,
      { role: 'reviewer' },
    );
    expect(demoted.status).toBe(200);
    expect(demoted.body.member.role).toBe('reviewer');
    // the former coordinator can no longer manage
    expect(
      (
        await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.observer.id}`, {
          role: 'drafter',
        })
      ).status,
    ).toBe(403);
  });

  it('keeps a coordinator when two coordinators demote each other at the same time', async () => {
    const t = await team();
    await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.drafter.id}`, {
      role: 'coordinator',
    });
    const [a, b] = await Promise.all([
      t.owner.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.drafter.id}`, {
        role: 'drafter',
      }),
      t.drafter.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.owner.id}`, {
        role: 'drafter',
      }),
    ]);
    // one wins; the other finds the last coordinator (409) or has already lost the right (403)
    const statuses = [a.status, b.status].sort((x, y) => x - y);
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const members = await t.observer.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(members.body.members.filter((m: { role: string }) => m.role === 'coordinator')).toHaveLength(1);
  });

  it('answers 404 for someone who is not a member, 403 for non-coordinators, 400 for bad input', async () => {
    const t = await team();
    const path = (userId: string) => `/api/documents/${t.documentId}/members/${userId}`;
    expect((await t.owner.api.request('PATCH', path(t.stranger.id), { role: 'drafter' })).status).toBe(404);
    expect((await t.drafter.api.request('PATCH', path(t.observer.id), { role: 'drafter' })).status).toBe(403);
    expect((await t.stranger.api.request('PATCH', path(t.observer.id), { role: 'drafter' })).status).toBe(
      404,
    );
    expect((await t.owner.api.request('PATCH', path(t.observer.id), { role: 'god' })).status).toBe(400);
    expect((await t.owner.api.request('PATCH', path('xyz'), { role: 'drafter' })).status).toBe(400);
  });
});

describe('DELETE /api/documents/:id/members/:userId', () => {
  it('lets a coordinator remove a member (204); they lose access at once', async () => {
    const t = await team();
    const res = await t.owner.api.request(
      'DELETE',
      `/api/documents/${t.documentId}/members/${t.reviewer.id}`,
    );
    expect(res.status).toBe(204);
    expect((await t.reviewer.api.request('GET', `/api/documents/${t.documentId}`)).status).toBe(404);
    const theirs = await t.reviewer.api.request('GET', '/api/documents');
    expect(theirs.body.documents.map((d: { id: string }) => d.id)).not.toContain(t.documentId);
    expect(
      (await t.owner.api.request('DELETE', `/api/documents/${t.documentId}/members/${t.reviewer.id}`)).status,
    ).toBe(404);
  });

  it('refuses to remove the last coordinator (409 last_coordinator)', async () => {
    const t = await team();
    const res = await t.owner.api.request('DELETE', `/api/documents/${t.documentId}/members/${t.owner.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('last_coordinator');
    expect((await t.owner.api.request('GET', `/api/documents/${t.documentId}`)).status).toBe(200);
  });

  it.each(['observer', 'reviewer', 'drafter'] as const)('refuses a %s with 403', async (role) => {
    const t = await team();
    const res = await t[role].api.request('DELETE', `/api/documents/${t.documentId}/members/${t.owner.id}`);
    expect(res.status).toBe(403);
  });

  it('answers 404 to a non-member and 401 without a session', async () => {
    const t = await team();
    expect(
      (await t.stranger.api.request('DELETE', `/api/documents/${t.documentId}/members/${t.observer.id}`))
        .status,
    ).toBe(404);
    expect(
      (
        await new ApiClient(server.url).request(
          'DELETE',
          `/api/documents/${t.documentId}/members/${t.observer.id}`,
        )
      ).status,
    ).toBe(401);
  });
});

describe('audit trail', () => {
  it('records who did what to which document for every command', async () => {
    const t = await team();
    await t.owner.api.request('PATCH', `/api/documents/${t.documentId}`, { title: 'Renamed' });
    await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/members/${t.observer.id}`, {
      role: 'reviewer',
    });
    await t.owner.api.request('DELETE', `/api/documents/${t.documentId}/members/${t.reviewer.id}`);
    const events = await db
      .collection('audit_events')
      .find({ documentId: new mongoose.Types.ObjectId(t.documentId) })
      .sort({ at: 1, _id: 1 })
      .toArray();
    expect(events.map((e) => e.action)).toEqual([
      'document.created',
      'invitation.created',
      'member.added',
      'invitation.created',
      'member.added',
      'invitation.created',
      'member.added',
      'document.renamed',
      'member.role_changed',
      'member.removed',
    ]);
    // each member added themselves by accepting the owner's invitation; the rest is the owner's
    const added = events.filter((e) => e.action === 'member.added');
    expect(added.map((e) => e.actorId.toHexString())).toEqual([t.observer.id, t.reviewer.id, t.drafter.id]);
    expect(added.map((e) => e.subjectUserId.toHexString())).toEqual([
      t.observer.id,
      t.reviewer.id,
      t.drafter.id,
    ]);
    expect(added[0]!.data).toMatchObject({ role: 'observer', invitedBy: t.owner.id });
    const byOwner = events.filter((e) => e.action !== 'member.added');
    expect(byOwner.every((e) => e.actorId.toHexString() === t.owner.id)).toBe(true);
    expect(events[1]!.data).toMatchObject({ email: t.observer.email, role: 'observer' });
    expect(events[7]!.data).toEqual({ from: 'Team document', to: 'Renamed' });
    expect(events[8]!.subjectUserId.toHexString()).toBe(t.observer.id);
    expect(events[8]!.data).toEqual({ from: 'observer', to: 'reviewer' });
    const registered = await db.collection('audit_events').countDocuments({
      action: 'user.registered',
      actorId: new mongoose.Types.ObjectId(t.owner.id),
    });
    expect(registered).toBe(1);
  });

  it('refused commands change nothing and record nothing', async () => {
    const t = await team();
    const count = () =>
      db.collection('audit_events').countDocuments({ documentId: new mongoose.Types.ObjectId(t.documentId) });
    const before = await count();
    await t.drafter.api.request('PATCH', `/api/documents/${t.documentId}`, { title: 'Nope' });
    await t.owner.api.request('DELETE', `/api/documents/${t.documentId}/members/${t.owner.id}`);
    const again = await t.owner.api.request('POST', `/api/documents/${t.documentId}/invitations`, {
      email: t.drafter.email,
      role: 'observer',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_member');
    expect(await count()).toBe(before);
  });
});
