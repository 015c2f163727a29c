import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { formatMention } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import type { NewUser } from '../helpers/api.js';

// Issue 13, item 8: a reviewer posted 433 comments of 9 KB in 20 s and filled another member's
// notifications. Comments and mentions are limited per user and document; here to 5 comments
// and 6 mentions per window (the defaults are 30 a minute and 30 per 10 minutes).
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
const A1 = clauseId();

beforeAll(async () => {
  server = await startServer({
    env: {
      COMMENT_RATE_MAX: '5',
      COMMENT_RATE_WINDOW_SECONDS: '600',
      MENTION_RATE_MAX: '6',
      MENTION_RATE_WINDOW_SECONDS: '600',
    },
  });
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Access', paragraphs: ['States shall guarantee access to justice.'] },
  ]);
});

afterAll(() => writer?.destroy());

const post = (user: NewUser, body: string, documentId = fx.documentId) =>
  user.api.request('POST', `/api/documents/${documentId}/comments`, {
    anchor: { kind: 'clause', clauseId: A1 },
    body,
  });

const notifications = async (user: NewUser): Promise<number> =>
  (await user.api.request('GET', '/api/notifications')).body.notifications.length;

describe('comment and mention floods', () => {
  it('stops a comment flood with 429 comment_rate_limited and Retry-After, threads and replies alike', async () => {
    const statuses: number[] = [];
    let threadId = '';
    for (let i = 0; i < 12; i++) {
      const res =
        i % 2 === 0 || !threadId
          ? await post(fx.reviewer, `Flood ${i} ${'x'.repeat(9_000)}`)
          : await fx.reviewer.api.request('POST', `/api/comments/${threadId}/replies`, {
              body: `Reply ${i}`,
            });
      if (res.status === 201 && !threadId) threadId = res.body.thread.id;
      if (res.status === 429) {
        expect(res.body.error.code).toBe('comment_rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(1);
      }
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    const listed = await fx.coordinator.api.request('GET', `/api/documents/${fx.documentId}/comments`);
    const stored = listed.body.threads
      .flatMap((t: any) => [t.comment, ...t.replies])
      .filter((c: any) => c.author.id === fx.reviewer.id);
    expect(stored).toHaveLength(5);
    // other members, and the same reviewer elsewhere, are not affected
    expect((await post(fx.reviewer2, 'My own point')).status).toBe(201);
    const other = await fx.reviewer.api.request('POST', '/api/documents', { title: 'Own document' });
    expect((await post(fx.reviewer, 'Elsewhere', other.body.document.id)).status).not.toBe(429);
  });

  it("stops a mention flood before it fills another member's notifications: 429 mention_rate_limited", async () => {
    const target = fx.observer;
    const before = await notifications(target);
    const mention = formatMention('Olga Observer', target.id);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await post(fx.drafter, `${mention} look ${i}`);
      if (res.status === 429) {
        expect(res.body.error.code).toMatch(/^(mention|comment)_rate_limited$/);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(1);
      }
      statuses.push(res.status);
    }
    // 5 comments are allowed; each mentions one person, so the comment limit stops it first
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    // many people in few comments: mentions are counted per person mentioned
    const many = [fx.coordinator, fx.reviewer, fx.reviewer2, fx.observer]
      .map((u) => formatMention('Someone', u.id))
      .join(' ');
    // (the author mentioning themselves is no notification and does not count: 3 each time)
    expect((await post(fx.coordinator, `${many} all of you`)).status).toBe(201);
    expect((await post(fx.coordinator, `${many} again`)).status).toBe(201);
    const third = await post(fx.coordinator, `${many} and again`);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('mention_rate_limited');
    // a comment without mentions still goes through
    expect((await post(fx.coordinator, 'no one mentioned')).status).toBe(201);
    expect(await notifications(target)).toBe(before + 5 + 2);
  });
});
