import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';

let server: TestServer;
let owner: NewUser;
let stranger: NewUser;
const byRole: Record<'observer' | 'reviewer' | 'drafter' | 'coordinator', NewUser> = {} as never;
let documentId: string;

beforeAll(async () => {
  server = await startServer();
  owner = await newUser(new ApiClient(server.url), { name: 'Owner', locale: 'es' });
  stranger = await newUser(new ApiClient(server.url), { name: 'Stranger' });
  const created = await owner.api.request('POST', '/api/documents', {
    title: 'Acuerdo regional',
    kind: 'agreement',
  });
  documentId = created.body.document.id;
  for (const role of ['observer', 'reviewer', 'drafter', 'coordinator'] as const) {
    byRole[role] = await newUser(new ApiClient(server.url), { name: role });
    await addMember(owner.api, documentId, byRole[role], role);
  }
});

describe('POST /api/documents', () => {
  it('creates a document (201) whose creator is its coordinator', async () => {
    const api = new ApiClient(server.url);
    await newUser(api, { locale: 'fr' });
    const res = await api.request('POST', '/api/documents', { title: '  Plan d’action  ' });
    expect(res.status).toBe(201);
    expect(res.body.document).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      title: 'Plan d’action',
      kind: 'other',
      // without a language, the creator's interface language
      language: 'fr',
      state: 'drafting',
      textLocked: false,
      public: false,
      archived: false,
      schemaVersion: 2,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      role: 'coordinator',
      abilities: { read: true, comment: true, edit: true, manage: true },
    });
    const members = await api.request('GET', `/api/documents/${res.body.document.id}/members`);
    expect(members.body.members).toHaveLength(1);
    expect(members.body.members[0].role).toBe('coordinator');
  });

  it('takes kind and language when given', async () => {
    const res = await owner.api.request('POST', '/api/documents', {
      title: 'Plan',
      kind: 'action_plan',
      language: 'pt',
    });
    expect(res.status).toBe(201);
    expect(res.body.document.kind).toBe('action_plan');
    expect(res.body.document.language).toBe('pt');
  });

  it('needs a session (401) and a valid body (400)', async () => {
    const anonymous = await new ApiClient(server.url).request('POST', '/api/documents', { title: 'x' });
    expect(anonymous.status).toBe(401);
    for (const body of [
      {},
      { title: '' },
      { title: '   ' },
      { title: 'x'.repeat(301) },
      { title: 'x', kind: 'novel' },
      { title: 'x', language: 'de' },
      { title: 'x', extra: 1 },
    ]) {
      const res = await owner.api.request('POST', '/api/documents', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});

describe('GET /api/documents', () => {
  it('lists my documents, newest first, each with my role and abilities', async () => {
    const api = new ApiClient(server.url);
    const me = await newUser(api);
    const titles = ['first', 'second', 'third'];
    for (const title of titles) {
      expect((await api.request('POST', '/api/documents', { title })).status).toBe(201);
    }
    // and one shared with me as a reviewer
    await addMember(owner.api, documentId, { email: me.email, api }, 'reviewer');
    const res = await api.request('GET', '/api/documents');
    expect(res.status).toBe(200);
    expect(res.body.documents.map((d: { title: string }) => d.title)).toEqual([
      'third',
      'second',
      'first',
      'Acuerdo regional',
    ]);
    const shared = res.body.documents[3];
    expect(shared.role).toBe('reviewer');
    expect(shared.abilities).toEqual({ read: true, comment: true, edit: false, manage: false });
  });

  it('does not list documents I am not a member of', async () => {
    const res = await stranger.api.request('GET', '/api/documents');
    expect(res.body.documents.map((d: { id: string }) => d.id)).not.toContain(documentId);
  });

  it('answers 401 without a session', async () => {
    expect((await new ApiClient(server.url).request('GET', '/api/documents')).status).toBe(401);
  });
});

describe('GET /api/documents/:id', () => {
  it.each(['observer', 'reviewer', 'drafter', 'coordinator'] as const)(
    'lets a %s read it, with their abilities',
    async (role) => {
      const res = await byRole[role].api.request('GET', `/api/documents/${documentId}`);
      expect(res.status).toBe(200);
      expect(res.body.document.role).toBe(role);
      expect(res.body.document.abilities).toEqual({
        read: true,
        comment: role !== 'observer',
        edit: role === 'drafter' || role === 'coordinator',
        manage: role === 'coordinator',
      });
    },
  );

  it('answers 404 to a non-member exactly as for a document that does not exist', async () => {
    const hidden = await stranger.api.request('GET', `/api/documents/${documentId}`);
    const missing = await stranger.api.request('GET', '/api/documents/0123456789abcdef01234567');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect(hidden.body.error.code).toBe('not_found');
  });

  it('answers 400 for an id that is not an ObjectId, 401 without a session', async () => {
    expect((await owner.api.request('GET', '/api/documents/not-an-id')).status).toBe(400);
    expect((await new ApiClient(server.url).request('GET', `/api/documents/${documentId}`)).status).toBe(401);
  });
});

describe('PATCH /api/documents/:id', () => {
  it('lets a coordinator rename it', async () => {
    const res = await byRole.coordinator.api.request('PATCH', `/api/documents/${documentId}`, {
      title: 'Acuerdo de Escazú',
    });
    expect(res.status).toBe(200);
    expect(res.body.document.title).toBe('Acuerdo de Escazú');
    expect(res.body.document.role).toBe('coordinator');
    const again = await owner.api.request('GET', `/api/documents/${documentId}`);
    expect(again.body.document.title).toBe('Acuerdo de Escazú');
  });

  it.each(['observer', 'reviewer', 'drafter'] as const)(
    'refuses a %s with 403 forbidden and changes nothing',
    async (role) => {
      const before = (await owner.api.request('GET', `/api/documents/${documentId}`)).body.document.title;
      const res = await byRole[role].api.request('PATCH', `/api/documents/${documentId}`, {
        title: 'hijacked',
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect((await owner.api.request('GET', `/api/documents/${documentId}`)).body.document.title).toBe(
        before,
      );
    },
  );

  it('answers 404 to a non-member, 401 without a session, 400 for an empty or unknown change', async () => {
    expect((await stranger.api.request('PATCH', `/api/documents/${documentId}`, { title: 'x' })).status).toBe(
      404,
    );
    expect(
      (await new ApiClient(server.url).request('PATCH', `/api/documents/${documentId}`, { title: 'x' }))
        .status,
    ).toBe(401);
    expect((await owner.api.request('PATCH', `/api/documents/${documentId}`, {})).status).toBe(400);
    expect(
      (await owner.api.request('PATCH', `/api/documents/${documentId}`, { state: 'published' })).status,
    ).toBe(400);
  });

  it('keeps the last of many concurrent renames', async () => {
    const titles = Array.from({ length: 8 }, (_, i) => `Concurrent ${i}`);
    const answers = await Promise.all(
      titles.map((title) => owner.api.request('PATCH', `/api/documents/${documentId}`, { title })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const final = (await owner.api.request('GET', `/api/documents/${documentId}`)).body.document.title;
    expect(titles).toContain(final);
  });
});
