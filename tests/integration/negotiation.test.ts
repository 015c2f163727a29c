import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient, ObjectId } from 'mongodb';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';
import { agreementMarkdown, createDocumentWithMembers } from '../helpers/documents.js';
import { openEventSocket, type EventSocket } from '../helpers/commentsFixture.js';

/**
 * Clause negotiation status and organisations' positions against the real server and database:
 * statuses with their insert-only history (who, when, note; the latest counts), concurrent
 * settings all kept, every role and a non-member, bad input answered 400 with nothing written,
 * live events to open clients, positions latest per organisation and seen per organisation.
 */
let server: TestServer;
let coordinator: NewUser;
let drafter: NewUser;
let reviewer: NewUser;
let reviewerSameOrg: NewUser;
let observer: NewUser;
let stranger: NewUser;
let noOrg: NewUser;
const sockets: EventSocket[] = [];
const tag = randomBytes(3).toString('hex');
const org = (name: string) => ({
  organisation: { name: `${name} ${tag}`, kind: 'civil_society', country: 'AR' },
});

beforeAll(async () => {
  server = await startServer();
  const make = (name: string) => newUser(new ApiClient(server.url), org(name));
  coordinator = await make('Secretariat');
  drafter = await make('Drafting Group');
  reviewer = await make('Fundación Justicia');
  reviewerSameOrg = await make('Fundación Justicia');
  observer = await make('Observatory');
  stranger = await make('Elsewhere');
  noOrg = await newUser(new ApiClient(server.url));
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.stop();
});

async function agreement(articles = 3): Promise<{ documentId: string; clauses: string[] }> {
  const documentId = await createDocumentWithMembers(
    coordinator,
    {
      title: 'Escazú-style Agreement',
      kind: 'agreement',
      content: importMarkdown(agreementMarkdown('A', articles)).json,
    },
    [
      [drafter, 'drafter'],
      [reviewer, 'reviewer'],
      [reviewerSameOrg, 'reviewer'],
      [observer, 'observer'],
      [noOrg, 'reviewer'],
    ],
  );
  const outline = await coordinator.api.request('GET', `/api/documents/${documentId}/outline`);
  expect(outline.status).toBe(200);
  const clauses = outline.body.clauses
    .filter((c: { kind: string }) => c.kind === 'article')
    .map((c: { clauseId: string }) => c.clauseId);
  expect(clauses).toHaveLength(articles);
  return { documentId, clauses };
}

const setStatus = (user: NewUser, documentId: string, body: unknown) =>
  user.api.request('POST', `/api/documents/${documentId}/clause-statuses`, body);
const recordPosition = (user: NewUser, documentId: string, body: unknown) =>
  user.api.request('POST', `/api/documents/${documentId}/positions`, body);
const negotiation = async (user: NewUser, documentId: string) => {
  const res = await user.api.request('GET', `/api/documents/${documentId}/negotiation`);
  expect(res.status).toBe(200);
  return res.body.negotiation;
};
/** Records of the document in a collection, read straight from the database. */
async function stored(collection: string, documentId: string): Promise<number> {
  const client = new MongoClient(`${inject('mongodbUri')}${server.dbName}`, { directConnection: true });
  try {
    return await client
      .db()
      .collection(collection)
      .countDocuments({ documentId: new ObjectId(documentId) });
  } finally {
    await client.close();
  }
}

describe('clause negotiation status', () => {
  it('is pending until set; the latest setting counts and the history keeps who, when and the note', async () => {
    const { documentId, clauses } = await agreement();
    const [a1, a2] = clauses as [string, string];
    expect((await negotiation(observer, documentId)).statuses).toEqual([]);

    const first = await setStatus(coordinator, documentId, {
      clauseId: a1,
      status: 'bracketed',
      note: 'wording open',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.status).toMatchObject({
      clauseId: a1,
      seq: 1,
      status: 'bracketed',
      note: 'wording open',
      by: { id: coordinator.id, name: coordinator.name },
    });
    expect((await setStatus(coordinator, documentId, { clauseId: a1, status: 'agreed' })).status).toBe(201);
    expect(
      (
        await setStatus(coordinator, documentId, {
          clauseId: a2,
          status: 'agreed_ad_referendum',
          note: 'pending capital',
        })
      ).status,
    ).toBe(201);

    const current = await negotiation(reviewer, documentId);
    const byClause = Object.fromEntries(current.statuses.map((s: { clauseId: string }) => [s.clauseId, s]));
    expect(byClause[a1]).toMatchObject({ status: 'agreed', seq: 2, note: null });
    expect(byClause[a2]).toMatchObject({ status: 'agreed_ad_referendum', note: 'pending capital' });
    expect(current.can).toEqual({ setStatus: false, recordPosition: true, seeAllPositions: false });
    expect((await negotiation(coordinator, documentId)).can.setStatus).toBe(true);

    const history = await observer.api.request(
      'GET',
      `/api/documents/${documentId}/clauses/${a1}/negotiation`,
    );
    expect(history.status).toBe(200);
    expect(
      history.body.history.statuses.map((s: { status: string; note: string | null }) => [s.status, s.note]),
    ).toEqual([
      ['bracketed', 'wording open'],
      ['agreed', null],
    ]);
    for (const entry of history.body.history.statuses) {
      expect(entry.by).toEqual({ id: coordinator.id, name: coordinator.name });
      expect(Date.parse(entry.at)).not.toBeNaN();
    }
  });

  it('keeps every one of concurrent settings of one clause, under consecutive seqs', async () => {
    const { documentId, clauses } = await agreement(1);
    const statuses = ['agreed', 'bracketed', 'pending', 'agreed_ad_referendum'] as const;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        setStatus(coordinator, documentId, {
          clauseId: clauses[0],
          status: statuses[n % 4],
          note: `set ${n}`,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const seqs = answers.map((a) => a.body.status.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, n) => n + 1));
    const history = await coordinator.api.request(
      'GET',
      `/api/documents/${documentId}/clauses/${clauses[0]}/negotiation`,
    );
    expect(history.body.history.statuses.map((s: { note: string }) => s.note).sort()).toEqual(
      Array.from({ length: 12 }, (_, n) => `set ${n}`).sort(),
    );
    // the current status is the one stored last (seq 12)
    const last = answers.find((a) => a.body.status.seq === 12)!.body.status.status;
    expect((await negotiation(coordinator, documentId)).statuses[0].status).toBe(last);
  });

  it('is set by coordinators only: 403 for drafters, reviewers, observers; 404 for non-members and unknown documents', async () => {
    const { documentId, clauses } = await agreement(1);
    const body = { clauseId: clauses[0], status: 'agreed' };
    for (const user of [drafter, reviewer, observer]) {
      const res = await setStatus(user, documentId, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    for (const path of ['negotiation', `clauses/${clauses[0]}/negotiation`]) {
      const res = await stranger.api.request('GET', `/api/documents/${documentId}/${path}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await setStatus(stranger, documentId, body)).status).toBe(404);
    expect(
      (await recordPosition(stranger, documentId, { clauseId: clauses[0], stance: 'support' })).status,
    ).toBe(404);
    expect((await setStatus(coordinator, '0123456789abcdef01234567', body)).status).toBe(404);
    expect(
      (await new ApiClient(server.url).request('GET', `/api/documents/${documentId}/negotiation`)).status,
    ).toBe(401);
    expect(await stored('clause_status_events', documentId)).toBe(0);
    expect(await stored('positions', documentId)).toBe(0);
  });

  it('answers bad input with 400 and a stable code, and writes nothing', async () => {
    const { documentId, clauses } = await agreement(1);
    const cases: Array<[unknown, string]> = [
      [{ clauseId: 'Zz9Zz9Zz9Zz9Zz9Zz9', status: 'agreed' }, 'unknown_clause'],
      [{ clauseId: clauses[0], status: 'done' }, 'validation_failed'],
      [{ clauseId: clauses[0], status: 'agreed', note: 'x'.repeat(1001) }, 'validation_failed'],
      [{ clauseId: clauses[0] }, 'validation_failed'],
      [{ clauseId: { $gt: '' }, status: 'agreed' }, 'validation_failed'],
      [{ clauseId: clauses[0], status: 'agreed', extra: 1 }, 'validation_failed'],
      [[], 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await setStatus(coordinator, documentId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    const positionCases: Array<[NewUser, unknown, string]> = [
      [reviewer, { clauseId: 'Zz9Zz9Zz9Zz9Zz9Zz9', stance: 'support' }, 'unknown_clause'],
      [reviewer, { clauseId: clauses[0], stance: 'reservation' }, 'validation_failed'],
      [reviewer, { clauseId: clauses[0], stance: 'objection', note: '   ' }, 'validation_failed'],
      [reviewer, { clauseId: clauses[0], stance: 'veto', note: 'no' }, 'validation_failed'],
      [reviewer, { clauseId: clauses[0], stance: 'support', note: 'y'.repeat(1001) }, 'validation_failed'],
      [noOrg, { clauseId: clauses[0], stance: 'support' }, 'no_organisation'],
    ];
    for (const [user, body, code] of positionCases) {
      const res = await recordPosition(user, documentId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect(await stored('clause_status_events', documentId)).toBe(0);
    expect(await stored('positions', documentId)).toBe(0);
  });

  it('reaches every open client as a live event', async () => {
    const { documentId, clauses } = await agreement(1);
    const watching = [
      await openEventSocket(server.wsUrl, observer, documentId),
      await openEventSocket(server.wsUrl, drafter, documentId),
    ];
    sockets.push(...watching);
    expect(
      (await setStatus(coordinator, documentId, { clauseId: clauses[0], status: 'agreed' })).status,
    ).toBe(201);
    expect(
      (await recordPosition(reviewer, documentId, { clauseId: clauses[0], stance: 'support' })).status,
    ).toBe(201);
    const negotiationEvents = (socket: EventSocket) =>
      socket.events.filter((e) => e.event.type === 'negotiation.changed').map((e) => e.event);
    await waitFor(() => watching.every((s) => negotiationEvents(s).length === 2), 'negotiation events');
    for (const socket of watching) {
      expect(negotiationEvents(socket)).toEqual([
        { type: 'negotiation.changed', documentId, clauseId: clauses[0], what: 'status' },
        { type: 'negotiation.changed', documentId, clauseId: clauses[0], what: 'position' },
      ]);
    }
  });
});

describe('positions', () => {
  it('counts the latest per organisation, keeps the history, and shows members only their organisation', async () => {
    const { documentId, clauses } = await agreement(2);
    const [a1, a2] = clauses as [string, string];
    expect(
      (await recordPosition(reviewer, documentId, { clauseId: a1, stance: 'objection', note: 'too broad' }))
        .status,
    ).toBe(201);
    // another member of the same organisation speaks for it too: the latest counts
    const later = await recordPosition(reviewerSameOrg, documentId, {
      clauseId: a1,
      stance: 'reservation',
      note: 'ok if narrowed',
    });
    expect(later.status).toBe(201);
    expect(later.body.position).toMatchObject({ seq: 2, stance: 'reservation', note: 'ok if narrowed' });
    expect((await recordPosition(drafter, documentId, { clauseId: a1, stance: 'support' })).status).toBe(201);
    expect((await recordPosition(coordinator, documentId, { clauseId: a2, stance: 'support' })).status).toBe(
      201,
    );
    // observers cannot record positions
    const refused = await recordPosition(observer, documentId, { clauseId: a1, stance: 'support' });
    expect(refused.status).toBe(403);
    expect((await negotiation(observer, documentId)).can.recordPosition).toBe(false);

    const all = await negotiation(coordinator, documentId);
    expect(all.can.seeAllPositions).toBe(true);
    const orgName = (id: string) => all.organisations.find((o: { id: string }) => o.id === id)?.name;
    const rows = all.positions
      .map((p: { clauseId: string; organisationId: string; stance: string }) => [
        p.clauseId === a1 ? 'A1' : 'A2',
        orgName(p.organisationId),
        p.stance,
      ])
      .sort();
    expect(rows).toEqual(
      [
        ['A1', `Drafting Group ${tag}`, 'support'],
        ['A1', `Fundación Justicia ${tag}`, 'reservation'],
        ['A2', `Secretariat ${tag}`, 'support'],
      ].sort(),
    );
    expect(all.organisations.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining([`Fundación Justicia ${tag}`, `Observatory ${tag}`, `Secretariat ${tag}`]),
    );

    // a reviewer sees their organisation's positions only, and its history
    const own = await negotiation(reviewer, documentId);
    expect(own.positions.map((p: { stance: string }) => p.stance)).toEqual(['reservation']);
    expect(own.organisations.map((o: { name: string }) => o.name)).toEqual([`Fundación Justicia ${tag}`]);
    const history = await reviewer.api.request(
      'GET',
      `/api/documents/${documentId}/clauses/${a1}/negotiation`,
    );
    expect(
      history.body.history.positions.map((p: { stance: string; by: { id: string } }) => [p.stance, p.by.id]),
    ).toEqual([
      ['objection', reviewer.id],
      ['reservation', reviewerSameOrg.id],
    ]);
    const coordinatorHistory = await coordinator.api.request(
      'GET',
      `/api/documents/${documentId}/clauses/${a1}/negotiation`,
    );
    expect(coordinatorHistory.body.history.positions).toHaveLength(3);
  });
});
