import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';

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
    await owner.api.request('POST', `/api/documents/${documentId}/members`, {
      email: members[role].email,
      role,
    });
  }
  const stranger = await newUser(new ApiClient(server.url), { name: 'Stranger' });
  return { owner, documentId, stranger, ...members };
}

describe('GET /api/documents/:id/members', () => {
  it('lists the members for any member, with canManage only for coordinators', async () => {
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
    for (const role of ['observer', 'reviewer', 'drafter'] as const) {
      const res = await t[role].api.request('GET', `/api/documents/${t.documentId}/members`);
      expect(res.status, role).toBe(200);
      expect(res.body.members).toHaveLength(4);
      expect(res.body.members.every((m: { canManage: boolean }) => m.canManage === false)).toBe(true);
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

describe('POST /api/documents/:id/members', () => {
  it('lets a coordinator add an existing account with a role (201), and the document appears in their list', async () => {
    const t = await team();
    const res = await t.owner.api.request('POST', `/api/documents/${t.documentId}/members`, {
      email: t.stranger.email.toUpperCase(),
      role: 'drafter',
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toEqual({
      userId: t.stranger.id,
      email: t.stranger.email,
      name: 'Stranger',
      organisation: null,
      role: 'drafter',
      canManage: true,
    });
    const theirs = await t.stranger.api.request('GET', '/api/documents');
    expect(theirs.body.documents.map((d: { id: string }) => d.id)).toContain(t.documentId);
    expect((await t.stranger.api.request('GET', `/api/documents/${t.documentId}`)).body.document.role).toBe(
      'drafter',
    );
  });

  it('answers 404 with a clear message when nobody has an account with that email', async () => {
    const t = await team();
    const res = await t.owner.api.request('POST', `/api/documents/${t.documentId}/members`, {
      email: uniqueEmail('unknown'),
      role: 'reviewer',
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.body.error.message).toMatch(/register/i);
  });

  it('answers 409 already_member for a member, also when invited many times at once', async () => {
    const t = await team();
    const again = await t.owner.api.request('POST', `/api/documents/${t.documentId}/members`, {
      email: t.reviewer.email,
      role: 'drafter',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_member');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.owner.api.request('POST', `/api/documents/${t.documentId}/members`, {
          email: t.stranger.email,
          role: 'observer',
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    const members = await t.owner.api.request('GET', `/api/documents/${t.documentId}/members`);
    expect(members.body.members.filter((m: { userId: string }) => m.userId === t.stranger.id)).toHaveLength(
      1,
    );
  });

  it.each(['observer', 'reviewer', 'drafter'] as const)('refuses a %s with 403', async (role) => {
    const t = await team();
    const res = await t[role].api.request('POST', `/api/documents/${t.documentId}/members`, {
      email: t.stranger.email,
      role: 'observer',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await t.stranger.api.request('GET', `/api/documents/${t.documentId}`)).status).toBe(404);
  });

  it('refuses a non-member with 404 and an invalid role with 400', async () => {
    const t = await team();
    const other = await newUser(new ApiClient(server.url));
    expect(
      (
        await t.stranger.api.request('POST', `/api/documents/${t.documentId}/members`, {
          email: other.email,
          role: 'observer',
        })
      ).status,
    ).toBe(404);
    const bad = await t.owner.api.request('POST', `/api/documents/${t.documentId}/members`, {
      email: other.email,
      role: 'owner',
    });
    expect(bad.status).toBe(400);
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
      'member.added',
      'member.added',
      'member.added',
      'document.renamed',
      'member.role_changed',
      'member.removed',
    ]);
    expect(events.every((e) => e.actorId.toHexString() === t.owner.id)).toBe(true);
    expect(events[4]!.data).toEqual({ from: 'Team document', to: 'Renamed' });
    expect(events[5]!.subjectUserId.toHexString()).toBe(t.observer.id);
    expect(events[5]!.data).toEqual({ from: 'observer', to: 'reviewer' });
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
    await t.owner.api.request('POST', `/api/documents/${t.documentId}/members`, {
      email: t.drafter.email,
      role: 'observer',
    });
    expect(await count()).toBe(before);
  });
});
