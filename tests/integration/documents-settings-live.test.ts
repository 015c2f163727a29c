import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/collab.js';
import {
  createCommentsFixture,
  openEventSocket,
  type CommentsFixture,
  type EventSocket,
} from '../helpers/commentsFixture.js';

/**
 * Issue 17: a coordinator's change of a document's kind or language reaches every open tab of the
 * document live (document.settings_changed), so their numbering words follow without reload.
 */
let server: TestServer;
let fx: CommentsFixture;
const sockets: EventSocket[] = [];

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
});

afterAll(() => {
  for (const socket of sockets) socket.close();
});

describe('kind and language, live', () => {
  it('are sent to every open connection of the document', async () => {
    const [observer, drafter] = await Promise.all(
      [fx.observer, fx.drafter].map((user) => openEventSocket(server.wsUrl, user, fx.documentId)),
    );
    sockets.push(observer!, drafter!);
    const changed = await fx.coordinator.api.request('PATCH', `/api/documents/${fx.documentId}/settings`, {
      language: 'es',
      kind: 'action_plan',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    for (const socket of [observer!, drafter!]) {
      await waitFor(
        () => socket.events.some((e) => e.event.type === 'document.settings_changed'),
        'the settings event',
      );
      const { event } = socket.events.find((e) => e.event.type === 'document.settings_changed')!;
      expect(event).toEqual({
        type: 'document.settings_changed',
        documentId: fx.documentId,
        kind: 'action_plan',
        language: 'es',
        actorId: fx.coordinator.id,
      });
    }

    // refused (bad input): nothing is sent
    const before = observer!.events.length;
    const bad = await fx.coordinator.api.request('PATCH', `/api/documents/${fx.documentId}/settings`, {
      language: 'xx',
    });
    expect(bad.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      observer!.events.slice(before).filter((e) => e.event.type === 'document.settings_changed'),
    ).toEqual([]);
  });
});
