import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { createRangeAnchor, formatMention, Limits } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphId,
  paragraphText,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';

/** The comments REST API: permissions, revisions, conflicts, deletion, visibility, mentions. */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
let db: mongoose.Connection;
const A1 = clauseId();
const A2 = clauseId();

const post = (user: NewUser, body: unknown) =>
  user.api.request('POST', `/api/documents/${fx.documentId}/comments`, body);
const onClause = (id = A1) => ({ kind: 'clause', clauseId: id });
const list = async (user: NewUser, query = '') => {
  const res = await user.api.request('GET', `/api/documents/${fx.documentId}/comments${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { threads: any[]; clauseCounts: Record<string, any>; facets: any; viewer: any };
};

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    {
      id: A1,
      heading: 'Access',
      paragraphs: ['States shall guarantee access to justice.', 'Second paragraph.'],
    },
    { id: A2, heading: 'Aid', paragraphs: ['Legal aid shall be free.'] },
  ]);
});

afterAll(async () => {
  writer?.destroy();
  await db?.close();
});

describe('who may comment', () => {
  it('refuses observers (403) and non-members (404); lets reviewers, drafters and coordinators comment', async () => {
    expect((await post(fx.observer, { anchor: onClause(), body: 'I observe' })).status).toBe(403);
    const outsider = await newUser(new ApiClient(server.url));
    expect((await post(outsider, { anchor: onClause(), body: 'hi' })).status).toBe(404);
    expect((await outsider.api.request('GET', `/api/documents/${fx.documentId}/comments`)).status).toBe(404);
    for (const user of [fx.reviewer, fx.drafter, fx.coordinator]) {
      const res = await post(user, { anchor: onClause(), body: `From ${user.name}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.thread).toMatchObject({ status: 'open', visibility: 'all', canReply: true });
      expect(res.body.comment).toMatchObject({
        body: `From ${user.name}`,
        revision: 1,
        edited: false,
        canEdit: true,
      });
      const reply = await fx.observer.api.request('POST', `/api/comments/${res.body.thread.id}/replies`, {
        body: 'me too',
      });
      expect(reply.status).toBe(403);
      expect((await outsider.api.request('GET', `/api/comments/${res.body.thread.id}`)).status).toBe(404);
    }
    const observed = await list(fx.observer);
    expect(observed.viewer).toEqual({ canComment: false, canCreateTeamThreads: false });
    expect(observed.threads.every((t) => !t.canReply && !t.comment.canEdit && !t.canResolve)).toBe(true);
  });

  it('carries the author organisation and country, and refuses anchors on clauses that do not exist', async () => {
    const res = await post(fx.reviewer2, { anchor: onClause(paragraphId(A1, 1)), body: 'On paragraph 2' });
    expect(res.status).toBe(201);
    expect(res.body.comment.author).toMatchObject({
      id: fx.reviewer2.id,
      name: 'Ravi Reviewer',
      organisation: { name: 'University of Lagos', kind: 'academic', country: 'NG' },
    });
    expect(res.body.thread.anchor).toMatchObject({
      kind: 'clause',
      state: 'attached',
      clause: { label: '2.', path: '1.2' },
    });
    const missing = await post(fx.reviewer2, { anchor: onClause('NoSuchClause1'), body: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid_anchor');
  });

  it('validates range anchors against the text', async () => {
    const text = paragraphText(writer.doc, A1);
    const range = createRangeAnchor(writer.doc, { text, index: 23 }, { text, index: 40 });
    expect(range.quote).toBe('access to justice');
    const ok = await post(fx.reviewer, { anchor: range, body: 'Define access' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.thread.anchor).toMatchObject({
      kind: 'range',
      state: 'attached',
      quote: 'access to justice',
    });
    // the same positions claimed for another clause
    const elsewhere = await post(fx.reviewer, {
      anchor: { ...range, clauseId: paragraphId(A2, 0) },
      body: 'x',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('invalid_anchor');
    const garbage = await post(fx.reviewer, { anchor: { ...range, start: 'AAAA' }, body: 'x' });
    expect(garbage.status).toBe(400);
  });
});

describe('editing and history', () => {
  it('only the author edits; every revision is kept with time and author', async () => {
    const created = await post(fx.reviewer, { anchor: onClause(A2), body: 'First text' });
    const id = created.body.comment.id;
    for (const other of [fx.drafter, fx.coordinator, fx.reviewer2]) {
      const res = await other.api.request('PATCH', `/api/comments/${id}`, { body: 'hijack' });
      expect(res.status).toBe(403);
    }
    expect(
      (await fx.reviewer.api.request('PATCH', `/api/comments/${id}`, { body: 'Second text' })).status,
    ).toBe(200);
    const third = await fx.reviewer.api.request('PATCH', `/api/comments/${id}`, {
      body: 'Third text',
      baseRevision: 2,
    });
    expect(third.status).toBe(200);
    expect(third.body.comment).toMatchObject({ body: 'Third text', revision: 3, edited: true });
    expect(third.body.comment.editedAt).toBeTruthy();
    const history = await fx.drafter.api.request('GET', `/api/comments/${id}/revisions`);
    expect(history.status).toBe(200);
    expect(history.body.revisions.map((r: any) => [r.revision, r.body, r.author.id])).toEqual([
      [1, 'First text', fx.reviewer.id],
      [2, 'Second text', fx.reviewer.id],
      [3, 'Third text', fx.reviewer.id],
    ]);
    expect(history.body.revisions.every((r: any) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });

  it('two concurrent edits of one revision: exactly one wins, the other gets 409 with the winning text', async () => {
    const created = await post(fx.reviewer, { anchor: onClause(A2), body: 'Base' });
    const id = created.body.comment.id;
    for (let round = 1; round <= 5; round++) {
      const [x, y] = await Promise.all([
        fx.reviewer.api.request('PATCH', `/api/comments/${id}`, { body: `x${round}`, baseRevision: round }),
        fx.reviewer.api.request('PATCH', `/api/comments/${id}`, { body: `y${round}`, baseRevision: round }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const [winner, loser] = x.status === 200 ? [x, y] : [y, x];
      expect(loser.body.error.code).toBe('comment_conflict');
      expect(loser.body.error.details.current).toEqual({
        revision: round + 1,
        body: winner.body.comment.body,
      });
    }
    const history = await fx.reviewer.api.request('GET', `/api/comments/${id}/revisions`);
    expect(history.body.revisions).toHaveLength(6);
  });

  it('a burst of concurrent edits never loses one silently', async () => {
    const created = await post(fx.reviewer, { anchor: onClause(A2), body: 'Burst' });
    const id = created.body.comment.id;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fx.reviewer.api.request('PATCH', `/api/comments/${id}`, { body: `burst ${i}` }),
      ),
    );
    // each 200 stored its own text (its answer shows the comment as it is by then)
    const won = answers.flatMap((r, i) => (r.status === 200 ? [`burst ${i}`] : []));
    expect(answers.every((r) => r.status === 200 || r.body.error.code === 'comment_conflict')).toBe(true);
    const history = await fx.reviewer.api.request('GET', `/api/comments/${id}/revisions`);
    expect(
      history.body.revisions
        .slice(1)
        .map((r: any) => r.body)
        .sort(),
    ).toEqual([...won].sort());
  });

  it('a stale baseRevision gets 409 comment_conflict', async () => {
    const created = await post(fx.reviewer, { anchor: onClause(A2), body: 'One' });
    const id = created.body.comment.id;
    await fx.reviewer.api.request('PATCH', `/api/comments/${id}`, { body: 'Two' });
    const stale = await fx.reviewer.api.request('PATCH', `/api/comments/${id}`, {
      body: 'Mine',
      baseRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'comment_conflict',
      details: { current: { revision: 2, body: 'Two' } },
    });
  });
});

describe('soft deletion', () => {
  it('hides the text from everyone but coordinators, keeps the history, and can be restored', async () => {
    const created = await post(fx.reviewer, { anchor: onClause(A1), body: 'Regrettable remark' });
    const id = created.body.comment.id;
    expect((await fx.reviewer2.api.request('DELETE', `/api/comments/${id}`)).status).toBe(403);
    const deleted = await fx.reviewer.api.request('DELETE', `/api/comments/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.comment).toMatchObject({
      deleted: true,
      body: null,
      deletedBy: { id: fx.reviewer.id },
    });
    const forDrafter = (await list(fx.drafter)).threads.find((t) => t.id === id);
    expect(forDrafter.comment).toMatchObject({ deleted: true, body: null, canViewRevisions: false });
    const forCoordinator = (await list(fx.coordinator)).threads.find((t) => t.id === id);
    expect(forCoordinator.comment).toMatchObject({
      deleted: true,
      body: 'Regrettable remark',
      canRestore: true,
    });
    expect((await fx.drafter.api.request('GET', `/api/comments/${id}/revisions`)).status).toBe(403);
    const history = await fx.coordinator.api.request('GET', `/api/comments/${id}/revisions`);
    expect(history.body.revisions.map((r: any) => r.body)).toEqual(['Regrettable remark']);
    expect(history.body.events.map((e: any) => e.type)).toEqual(['revision', 'delete']);
    expect((await fx.reviewer.api.request('PATCH', `/api/comments/${id}`, { body: 'edit' })).status).toBe(
      403,
    );
    expect((await fx.reviewer.api.request('POST', `/api/comments/${id}/restore`)).status).toBe(403);
    const restored = await fx.coordinator.api.request('POST', `/api/comments/${id}/restore`);
    expect(restored.body.comment).toMatchObject({ deleted: false, body: 'Regrettable remark' });
    const raw = await db
      .collection('comment_events')
      .find({ commentId: new mongoose.Types.ObjectId(id) })
      .toArray();
    expect(raw.map((e) => e.type)).toEqual(['revision', 'delete', 'restore']);
  });
});

describe('resolve and reopen', () => {
  it('by the thread author, drafters and coordinators, each recorded with who and when', async () => {
    const created = await post(fx.reviewer, { anchor: onClause(A1), body: 'Please fix' });
    const id = created.body.thread.id;
    const reply = await fx.drafter.api.request('POST', `/api/comments/${id}/replies`, { body: 'Fixed.' });
    expect(reply.status).toBe(201);
    expect(reply.body.thread.replies.map((r: any) => r.body)).toEqual(['Fixed.']);
    expect((await fx.reviewer2.api.request('POST', `/api/comments/${id}/resolve`)).status).toBe(403);
    // resolving through a reply resolves its thread
    const resolved = await fx.drafter.api.request('POST', `/api/comments/${reply.body.comment.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread).toMatchObject({
      status: 'resolved',
      resolvedBy: { id: fx.drafter.id },
      canReopen: true,
    });
    const again = await fx.coordinator.api.request('POST', `/api/comments/${id}/resolve`);
    expect(again.body.thread.status).toBe('resolved');
    expect((await fx.reviewer.api.request('POST', `/api/comments/${id}/reopen`)).body.thread.status).toBe(
      'open',
    );
    expect((await fx.coordinator.api.request('POST', `/api/comments/${id}/resolve`)).body.thread.status).toBe(
      'resolved',
    );
    const history = await fx.reviewer.api.request('GET', `/api/comments/${id}/revisions`);
    expect(history.body.events.map((e: any) => [e.type, e.actor.id])).toEqual([
      ['revision', fx.reviewer.id],
      ['resolve', fx.drafter.id],
      ['reopen', fx.reviewer.id],
      ['resolve', fx.coordinator.id],
    ]);
    const open = await list(fx.reviewer, '?status=open');
    const done = await list(fx.reviewer, '?status=resolved');
    expect(open.threads.some((t) => t.id === id)).toBe(false);
    expect(done.threads.map((t) => t.id)).toContain(id);
    expect(done.threads.every((t) => t.status === 'resolved')).toBe(true);
  });
});

describe('drafting-team threads', () => {
  it('are invisible to reviewers and observers on every read path', async () => {
    expect(
      (await post(fx.reviewer, { anchor: onClause(), body: 'secret?', visibility: 'team' })).status,
    ).toBe(403);
    const team = await post(fx.drafter, {
      anchor: onClause(A2),
      body: 'Internal: wording options',
      visibility: 'team',
    });
    expect(team.status).toBe(201);
    const open = await post(fx.reviewer2, { anchor: onClause(A2), body: 'Public question' });
    const id = team.body.thread.id;
    const openId = open.body.thread.id;
    expect(
      (await fx.drafter.api.request('PATCH', `/api/comments/${openId}/visibility`, { visibility: 'team' }))
        .status,
    ).toBe(403);
    const made = await fx.coordinator.api.request('PATCH', `/api/comments/${openId}/visibility`, {
      visibility: 'team',
    });
    expect(made.status).toBe(200);
    expect(made.body.thread.visibility).toBe('team');
    for (const outsider of [fx.reviewer, fx.reviewer2, fx.observer]) {
      const threads = (await list(outsider)).threads.map((t) => t.id);
      expect(threads).not.toContain(id);
      // the author of a thread made team-only keeps it (issue 12, bug 8: comments-visibility.test.ts)
      const isAuthor = outsider === fx.reviewer2;
      if (!isAuthor) expect(threads).not.toContain(openId);
      for (const [method, path, body] of [
        ['GET', `/api/comments/${id}`, undefined],
        ['GET', `/api/comments/${id}/revisions`, undefined],
        ['POST', `/api/comments/${id}/replies`, { body: 'peek' }],
        ['POST', `/api/comments/${id}/resolve`, undefined],
        ...(isAuthor
          ? []
          : ([
              ['PATCH', `/api/comments/${openId}`, { body: 'their text' }],
              ['DELETE', `/api/comments/${openId}`, undefined],
            ] as const)),
      ] as const) {
        const res = await outsider.api.request(method, path, body);
        expect(res.status, `${outsider.name} ${method} ${path}`).toBe(404);
      }
    }
    for (const insider of [fx.drafter, fx.coordinator]) {
      const threads = (await list(insider)).threads.map((t) => t.id);
      expect(threads).toEqual(expect.arrayContaining([id, openId]));
    }
    // and back to everyone
    await fx.coordinator.api.request('PATCH', `/api/comments/${openId}/visibility`, { visibility: 'all' });
    expect((await list(fx.reviewer)).threads.map((t) => t.id)).toContain(openId);
  });
});

describe('bodies', () => {
  it('returns markup verbatim as text, keeps line breaks, and enforces the size limit', async () => {
    const xss = 'Look: <img src=x onerror=alert(1)>\n<script>alert(2)</script> & "quotes"';
    const res = await post(fx.reviewer, { anchor: onClause(), body: xss });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.comment.body).toBe(xss);
    const fetched = await fx.drafter.api.request('GET', `/api/comments/${res.body.comment.id}`);
    expect(fetched.body.comment.body).toBe(xss);
    const big = await post(fx.reviewer, { anchor: onClause(), body: 'x'.repeat(Limits.commentBodyMax + 1) });
    expect(big.status).toBe(400);
    expect(big.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(big.body.error.details)).toContain('body');
    expect(
      (await post(fx.reviewer, { anchor: onClause(), body: 'x'.repeat(Limits.commentBodyMax) })).status,
    ).toBe(201);
  });

  it('notifies members who are @mentioned, and refuses mentions of non-members', async () => {
    const outsider = await newUser(new ApiClient(server.url));
    const bad = await post(fx.drafter, { anchor: onClause(), body: `cc ${formatMention('X', outsider.id)}` });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_mention', details: { userIds: [outsider.id] } });
    const before = (await fx.reviewer2.api.request('GET', '/api/notifications')).body.notifications.length;
    const res = await post(fx.drafter, {
      anchor: onClause(),
      body: `${formatMention('Ravi Reviewer', fx.reviewer2.id)} could you check this?`,
    });
    expect(res.status).toBe(201);
    expect(res.body.comment.mentions).toEqual([fx.reviewer2.id]);
    const inbox = await fx.reviewer2.api.request('GET', '/api/notifications');
    expect(inbox.body.notifications).toHaveLength(before + 1);
    const note = inbox.body.notifications[0];
    expect(note).toMatchObject({
      kind: 'mention',
      documentId: fx.documentId,
      documentTitle: 'Access to Justice Agreement',
      threadId: res.body.thread.id,
      actor: { id: fx.drafter.id, name: 'Dario Drafter' },
      read: false,
    });
    expect(inbox.body.unread).toBeGreaterThan(0);
    expect((await fx.reviewer.api.request('POST', `/api/notifications/${note.id}/read`)).status).toBe(404);
    expect((await fx.reviewer2.api.request('POST', `/api/notifications/${note.id}/read`)).status).toBe(204);
    expect((await fx.reviewer2.api.request('POST', `/api/notifications/${note.id}/read`)).status).toBe(204);
    const after = await fx.reviewer2.api.request('GET', '/api/notifications?unread=true');
    expect(after.body.notifications.map((n: any) => n.id)).not.toContain(note.id);
    // a mention in a team-only thread does not reach a reviewer
    const team = await post(fx.drafter, {
      anchor: onClause(),
      body: `internal, ${formatMention('Ravi', fx.reviewer2.id)}`,
      visibility: 'team',
    });
    expect(team.status).toBe(201);
    const inbox2 = await fx.reviewer2.api.request('GET', '/api/notifications');
    expect(inbox2.body.notifications.map((n: any) => n.threadId)).not.toContain(team.body.thread.id);
  });
});

describe('listing', () => {
  it('filters by clause, organisation, country and author, with counts per clause and facets', async () => {
    const all = await list(fx.coordinator);
    const byCountry = await list(fx.coordinator, '?country=ng');
    expect(byCountry.threads.length).toBeGreaterThan(0);
    expect(
      byCountry.threads.every((t) =>
        [t.comment, ...t.replies].some((c: any) => c.author.organisation?.country === 'NG'),
      ),
    ).toBe(true);
    const byAuthor = await list(fx.coordinator, `?author=${fx.reviewer2.id}`);
    expect(
      byAuthor.threads.every((t) =>
        [t.comment, ...t.replies].some((c: any) => c.author.id === fx.reviewer2.id),
      ),
    ).toBe(true);
    const organisation = all.facets.organisations.find((o: any) => o.name === 'Paralegal Network');
    expect(organisation).toMatchObject({ country: 'KE' });
    const byOrganisation = await list(fx.coordinator, `?organisation=${organisation.id}`);
    expect(byOrganisation.threads.length).toBe(organisation.threads);
    const clause = paragraphId(A1, 1);
    const byClause = await list(fx.coordinator, `?clauseId=${clause}`);
    expect(byClause.threads.map((t) => t.anchor.clauseId)).toEqual([clause]);
    expect(all.clauseCounts[clause]).toEqual({ open: 1, resolved: 0 });
    expect(byClause.clauseCounts).toEqual(all.clauseCounts);
    expect(all.facets.countries.map((c: any) => c.country)).toEqual(
      expect.arrayContaining(['AR', 'KE', 'NG']),
    );
  });

  it('records an audit event for every change', async () => {
    const actions = await db
      .collection('audit_events')
      .distinct('action', { documentId: new mongoose.Types.ObjectId(fx.documentId) });
    expect(actions).toEqual(
      expect.arrayContaining([
        'comment.created',
        'comment.replied',
        'comment.edited',
        'comment.deleted',
        'comment.restored',
        'comment.resolved',
        'comment.reopened',
        'comment.visibility_changed',
      ]),
    );
  });
});

describe('low-data lists (replies=none)', () => {
  it('sends each thread with its first comment and the number of replies left out; the thread whole on demand', async () => {
    const created = await post(fx.reviewer, { anchor: onClause(A2), body: 'Free for whom?' });
    const threadId = created.body.thread.id as string;
    for (const body of ['Everyone below the threshold.', 'Agreed, with a note on fees.']) {
      const reply = await fx.drafter.api.request('POST', `/api/comments/${threadId}/replies`, { body });
      expect(reply.status).toBe(201);
    }
    const full = (await list(fx.reviewer)).threads.find((t) => t.id === threadId);
    const light = (await list(fx.reviewer, '?replies=none')).threads.find((t) => t.id === threadId);
    expect(full.replies).toHaveLength(2);
    expect(full).not.toHaveProperty('repliesOmitted');
    expect(light).toMatchObject({ replies: [], repliesOmitted: 2, comment: { body: 'Free for whom?' } });
    expect(JSON.stringify(light)).not.toContain('threshold');
    // the same list without the option is whole again (no memoised answer crosses over)
    expect((await list(fx.reviewer)).threads.find((t) => t.id === threadId).replies).toHaveLength(2);
    const whole = await fx.reviewer.api.request('GET', `/api/comments/${threadId}`);
    expect(whole.body.thread.replies.map((r: { body: string }) => r.body)).toEqual([
      'Everyone below the threshold.',
      'Agreed, with a note on fees.',
    ]);
    const bad = await fx.reviewer.api.request('GET', `/api/documents/${fx.documentId}/comments?replies=some`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});
