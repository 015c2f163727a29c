import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { CloseCode } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { createDocumentWithMembers, freezeVersion } from '../helpers/documents.js';
import {
  appendParagraph,
  openProvider,
  openRawSocket,
  UpgradeRefused,
  waitFor,
  whenSynced,
} from '../helpers/collab.js';

let server: TestServer;
let db: mongoose.Connection;

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
});

async function team(title = 'Access to justice plan') {
  const [owner, drafter, stranger] = (await Promise.all(
    ['Owner', 'Drafter', 'Stranger'].map((name) => newUser(new ApiClient(server.url), { name })),
  )) as [NewUser, NewUser, NewUser];
  const documentId = await createDocumentWithMembers(owner, { title }, [[drafter, 'drafter']]);
  return { owner, drafter, stranger, documentId, title };
}

const listed = async (user: NewUser) =>
  (await user.api.request('GET', '/api/documents')).body.documents as Array<{
    id: string;
    archived: boolean;
  }>;

async function expectRefused(promise: Promise<unknown>, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpgradeRefused);
  expect((error as UpgradeRefused).status).toBe(status);
}

describe('PATCH /api/documents/:id/archived', () => {
  it('archives and unarchives for every member, without changing "last changed"', async () => {
    const t = await team();
    const before = (await t.owner.api.request('GET', `/api/documents/${t.documentId}`)).body.document;
    expect(before.archived).toBe(false);
    const res = await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/archived`, {
      archived: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.document).toMatchObject({
      id: t.documentId,
      archived: true,
      updatedAt: before.updatedAt,
    });
    // still listed (the client hides archived ones by default), still readable
    expect((await listed(t.drafter)).find((d) => d.id === t.documentId)?.archived).toBe(true);
    expect((await t.drafter.api.request('GET', `/api/documents/${t.documentId}`)).status).toBe(200);
    const back = await t.owner.api.request('PATCH', `/api/documents/${t.documentId}/archived`, {
      archived: false,
    });
    expect(back.body.document.archived).toBe(false);
  });

  it('refuses non-coordinators (403), strangers (404) and bad bodies (400), writing nothing', async () => {
    const t = await team();
    const path = `/api/documents/${t.documentId}/archived`;
    expect((await t.drafter.api.request('PATCH', path, { archived: true })).status).toBe(403);
    expect((await t.stranger.api.request('PATCH', path, { archived: true })).status).toBe(404);
    for (const body of [{}, { archived: 'yes' }, { archived: true, title: 'x' }]) {
      const res = await t.owner.api.request('PATCH', path, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const stored = await db
      .collection('documents')
      .findOne({ _id: new mongoose.Types.ObjectId(t.documentId) });
    expect(stored?.archivedAt ?? null).toBeNull();
  });
});

describe('DELETE /api/documents/:id and restore', () => {
  it('needs the typed title; refuses drafters and strangers; writes nothing on refusal', async () => {
    const t = await team('Plan de acción');
    const path = `/api/documents/${t.documentId}`;
    const wrong = await t.owner.api.request('DELETE', path, { title: 'Plan de accion' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('title_mismatch');
    const none = await t.owner.api.request('DELETE', path);
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('validation_failed');
    expect((await t.drafter.api.request('DELETE', path, { title: t.title })).status).toBe(403);
    expect((await t.stranger.api.request('DELETE', path, { title: t.title })).status).toBe(404);
    expect(await db.collection('deleted_documents').countDocuments({ _id: t.documentId as never })).toBe(0);
    expect((await t.drafter.api.request('GET', path)).status).toBe(200);
  });

  it('makes nothing readable (REST, sockets, public pages) until a coordinator restores it', async () => {
    const t = await team();
    const { owner, drafter, documentId } = t;
    await freezeVersion(owner, documentId, 'First');
    const published = await owner.api.request('POST', `/api/documents/${documentId}/publications`, {
      version: 1,
      release: 'major',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    await owner.api.request('PATCH', `/api/documents/${documentId}`, { public: true });
    const page = `/p/${published.body.publication.id}`;
    const visitor = new ApiClient(server.url);
    expect((await visitor.request('GET', page)).status).toBe(200);

    const provider = openProvider(server.wsUrl, drafter.api.cookie, documentId);
    await whenSynced(provider);
    const closed = new Promise<number>((resolve) =>
      provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    );
    // letter case and surrounding spaces do not matter in the confirmation
    const res = await owner.api.request('DELETE', `/api/documents/${documentId}`, {
      title: `  ${t.title.toUpperCase()} `,
    });
    expect(res.status).toBe(204);
    expect(await closed).toBe(CloseCode.FORBIDDEN);
    provider.destroy();

    for (const user of [owner, drafter]) {
      for (const path of ['', '/members', '/comments', '/versions', '/publications']) {
        const r = await user.api.request('GET', `/api/documents/${documentId}${path}`);
        expect(r.status, path).toBe(404);
      }
      expect((await listed(user)).map((d) => d.id)).not.toContain(documentId);
      await expectRefused(openRawSocket(server.wsUrl, user.api.cookie, documentId), 404);
    }
    expect((await visitor.request('GET', page)).status).toBe(404);
    expect((await visitor.request('GET', `/api/publications/${published.body.publication.id}`)).status).toBe(
      404,
    );
    expect(
      (await owner.api.request('GET', `/api/publications/${published.body.publication.id}`)).status,
    ).toBe(404);
    // deleting again: it is gone
    expect(
      (await owner.api.request('DELETE', `/api/documents/${documentId}`, { title: t.title })).status,
    ).toBe(404);

    // the bin: for its coordinators only
    const bin = await owner.api.request('GET', '/api/deleted-documents');
    expect(bin.body.documents).toEqual([
      { id: documentId, title: t.title, deletedAt: expect.any(String), purgeAt: expect.any(String) },
    ]);
    const days =
      (Date.parse(bin.body.documents[0].purgeAt) - Date.parse(bin.body.documents[0].deletedAt)) / 86_400_000;
    expect(days).toBe(30);
    expect((await drafter.api.request('GET', '/api/deleted-documents')).body.documents).toEqual([]);
    expect((await drafter.api.request('POST', `/api/deleted-documents/${documentId}/restore`)).status).toBe(
      404,
    );
    expect(
      (await t.stranger.api.request('POST', `/api/deleted-documents/${documentId}/restore`)).status,
    ).toBe(404);
    expect((await owner.api.request('POST', '/api/deleted-documents/nope/restore')).status).toBe(400);

    const restored = await owner.api.request('POST', `/api/deleted-documents/${documentId}/restore`);
    expect(restored.status).toBe(204);
    expect((await drafter.api.request('GET', `/api/documents/${documentId}`)).status).toBe(200);
    expect((await listed(drafter)).map((d) => d.id)).toContain(documentId);
    expect((await visitor.request('GET', page)).status).toBe(200);
    const again = openProvider(server.wsUrl, drafter.api.cookie, documentId);
    await whenSynced(again);
    again.destroy();
    expect((await owner.api.request('GET', '/api/deleted-documents')).body.documents).toEqual([]);
  });
});

describe('pending invitations to a deleted document', () => {
  it('are neither listed nor accepted while it is in the bin, and are back after restoring', async () => {
    const t = await team('Invitation plan');
    const invitee = await newUser(new ApiClient(server.url), { name: 'Invitee' });
    const invited = await t.owner.api.request('POST', `/api/documents/${t.documentId}/invitations`, {
      email: invitee.email,
      role: 'reviewer',
    });
    expect(invited.status).toBe(201);
    const id = invited.body.invitation.id as string;
    const mine = async () =>
      ((await invitee.api.request('GET', '/api/invitations')).body.invitations as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await mine()).toEqual([id]);
    await t.owner.api.request('DELETE', `/api/documents/${t.documentId}`, { title: t.title });
    expect(await mine()).toEqual([]);
    expect((await invitee.api.request('POST', `/api/invitations/${id}/accept`)).status).toBe(404);
    expect(
      await db.collection('memberships').countDocuments({ userId: new mongoose.Types.ObjectId(invitee.id) }),
    ).toBe(0);
    await t.owner.api.request('POST', `/api/deleted-documents/${t.documentId}/restore`);
    expect(await mine()).toEqual([id]);
    expect((await invitee.api.request('POST', `/api/invitations/${id}/accept`)).status).toBe(200);
  });
});

describe('purge after the retention window', () => {
  it('purges every record of a deleted document once its window has passed; it cannot be restored', async () => {
    const short = await startServer({
      env: { DELETED_DOCUMENT_RETENTION_SECONDS: '2', DELETED_DOCUMENT_PURGE_INTERVAL_SECONDS: '1' },
    });
    const shortDb = await mongoose.createConnection(`${inject('mongodbUri')}${short.dbName}`).asPromise();
    try {
      const [owner, drafter] = (await Promise.all(
        ['Owner', 'Drafter'].map((name) => newUser(new ApiClient(short.url), { name })),
      )) as [NewUser, NewUser];
      const documentId = await createDocumentWithMembers(owner, { title: 'Short-lived' }, [
        [drafter, 'drafter'],
      ]);
      const kept = await createDocumentWithMembers(owner, { title: 'Kept' }, []);
      const provider = openProvider(short.wsUrl, drafter.api.cookie, documentId);
      await whenSynced(provider);
      appendParagraph(provider.doc, 'text to be purged');
      const objectId = new mongoose.Types.ObjectId(documentId);
      await waitFor(
        async () => (await shortDb.collection('doc_updates').countDocuments({ documentId: objectId })) > 0,
        'the update stored',
      );
      provider.destroy();
      expect(
        (await owner.api.request('DELETE', `/api/documents/${documentId}`, { title: 'Short-lived' })).status,
      ).toBe(204);

      await waitFor(
        async () => (await shortDb.collection('deleted_documents').countDocuments({})) === 0,
        'the purge',
        20_000,
      );
      expect(await shortDb.collection('documents').countDocuments({ _id: objectId })).toBe(0);
      for (const name of [
        'memberships',
        'doc_updates',
        'doc_snapshots',
        'invitations',
        'versions',
        'comments',
      ]) {
        expect(await shortDb.collection(name).countDocuments({ documentId: objectId }), name).toBe(0);
      }
      expect((await owner.api.request('POST', `/api/deleted-documents/${documentId}/restore`)).status).toBe(
        404,
      );
      expect((await owner.api.request('GET', `/api/documents/${documentId}`)).status).toBe(404);
      // the other document is untouched
      expect((await owner.api.request('GET', `/api/documents/${kept}`)).status).toBe(200);
      const purged = await shortDb.collection('audit_events').findOne({ action: 'document.purged' });
      expect(purged?.documentId?.toString()).toBe(documentId);
    } finally {
      await shortDb.close();
      await short.stop();
    }
  });
});
