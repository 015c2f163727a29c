import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { MongoClient } from 'mongodb';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode, type Role } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { articleElement, clauseId, findArticle, paragraphText } from '../helpers/commentsFixture.js';

// Issue 13, item 1: a member must not write under another member's Yjs client id.

let server: TestServer;
let owner: NewUser;
let victim: NewUser;
let attacker: NewUser;
let observer: NewUser;
let outsider: NewUser;
const providers: WebsocketProvider[] = [];

function open(user: NewUser, documentId: string, doc = new Y.Doc(), on = server): WebsocketProvider {
  const provider = openProvider(on.wsUrl, user.api.cookie, documentId, doc, { connect: false });
  providers.push(provider);
  return provider;
}

/** The close code the server sent this provider, once it does. */
function closeCode(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) =>
    provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
  );
}

/** A random client id above the server's range, as Yjs draws them. */
function randomClientId(): number {
  return 0x10000 + Math.floor(Math.random() * 0x7fff0000);
}

async function newDocument(members: NewUser[], role = 'drafter'): Promise<string> {
  const created = await owner.api.request('POST', '/api/documents', { title: 'Authorship' });
  expect(created.status).toBe(201);
  const documentId = created.body.document.id as string;
  for (const member of members) {
    await addMember(owner.api, documentId, member, member === observer ? 'observer' : (role as Role));
  }
  return documentId;
}

/** Every text of the document as a fresh stock client of `user` receives it. */
async function served(documentId: string, on = server): Promise<string> {
  const provider = openProvider(on.wsUrl, owner.api.cookie, documentId);
  try {
    await whenSynced(provider);
    return JSON.stringify(provider.doc.getXmlFragment('default').toJSON());
  } finally {
    provider.destroy();
  }
}

async function claims(dbName: string, documentId: string): Promise<{ clientId: number; userId: string }[]> {
  const client = new MongoClient(`${inject('mongodbUri')}${dbName}`, { directConnection: true });
  try {
    const found = await client
      .db()
      .collection('client_ids')
      .find({ documentId: { $exists: true } })
      .toArray();
    return found
      .filter((c) => String(c.documentId) === documentId)
      .map((c) => ({ clientId: c.clientId as number, userId: String(c.userId) }));
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  server = await startServer({ env: { COLLAB_MAX_CONNECTIONS_PER_USER: '100' } });
  const user = (name: string, org: string) =>
    newUser(new ApiClient(server.url), {
      name,
      organisation: { name: org, kind: 'civil_society', country: 'AR' },
    });
  [owner, victim, attacker, observer, outsider] = await Promise.all([
    user('Olivia Owner', 'Justicia Abierta'),
    user('Vera Victim', 'Paralegal Network'),
    user('Aldo Attacker', 'Other Coalition'),
    user('Omar Observer', 'Ministry of Justice'),
    user('Otto Outsider', 'Nobody'),
  ]);
});

afterAll(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await server?.stop();
});

describe('forged authorship (item 1)', () => {
  it("refuses content under another member's client id: the attacker is closed, the victim keeps typing", async () => {
    const documentId = await newDocument([victim, attacker]);
    const articleId = clauseId();
    const seed = open(owner, documentId);
    seed.connect();
    await whenSynced(seed);
    seed.doc
      .getXmlFragment('default')
      .push([articleElement({ id: articleId, heading: 'Access', paragraphs: [''] })]);

    const v = open(victim, documentId);
    v.connect();
    await whenSynced(v);
    await waitFor(() => findArticle(v.doc, articleId) !== undefined, 'the article at the victim');
    paragraphText(v.doc, articleId).insert(0, 'victim one');

    // the attacker reads the victim's client id from the shared state and writes one clock ahead
    const a = open(attacker, documentId);
    const closed = closeCode(a);
    a.connect();
    await whenSynced(a);
    await waitFor(() => paragraphText(a.doc, articleId).toString() === 'victim one', "the victim's text");
    const victimId = v.doc.clientID;
    expect(Y.getState(a.doc.store, victimId)).toBe(Y.getState(v.doc.store, victimId));
    const ownId = a.doc.clientID;
    a.doc.clientID = victimId;
    paragraphText(a.doc, articleId).insert(0, 'FORGED ');
    expect(await closed).toBe(CloseCode.CLIENT_ID_TAKEN);
    // (the provider's awareness is keyed by its own id: it needs it back to be destroyed)
    a.doc.clientID = ownId;

    // the victim's next keystrokes arrive and are stored
    paragraphText(v.doc, articleId).insert('victim one'.length, ' two');
    await waitFor(
      async () => (await served(documentId)).includes('victim one two'),
      'the victim’s next keystrokes',
    );
    expect(await served(documentId)).not.toContain('FORGED');
    for (const p of providers.splice(0)) p.destroy();

    // stored: a new process on the same database serves the same text
    await server.stop();
    server = await startServer({ dbName: server.dbName, env: { COLLAB_MAX_CONNECTIONS_PER_USER: '100' } });
    for (const user of [owner, victim, attacker, observer, outsider]) user.api.baseUrl = server.url;
    const reloaded = await served(documentId);
    expect(reloaded).toContain('victim one two');
    expect(reloaded).not.toContain('FORGED');
    expect(await claims(server.dbName, documentId)).toContainEqual({ clientId: victimId, userId: victim.id });
  });

  it("refuses content under the server's own client ids", async () => {
    const documentId = await newDocument([attacker]);
    const doc = new Y.Doc();
    doc.clientID = 7;
    const a = open(attacker, documentId, doc);
    const closed = closeCode(a);
    a.connect();
    await whenSynced(a);
    a.doc
      .getXmlFragment('default')
      .push([articleElement({ id: clauseId(), heading: 'SERVERFORGED', paragraphs: [] })]);
    expect(await closed).toBe(CloseCode.CLIENT_ID_TAKEN);
    expect(await served(documentId)).not.toContain('SERVERFORGED');
  });

  /** Two members whose first edit uses one client id, sent at once; one of them wins. */
  async function race(documentId: string, second: TestServer): Promise<void> {
    const clientId = randomClientId();
    const contenders = [
      { user: owner, on: server, text: 'OWNERTEXT' },
      { user: attacker, on: second, text: 'ATTACKERTEXT' },
    ].map((c) => {
      const provider = open(c.user, documentId, new Y.Doc(), c.on);
      let code: number | null = null;
      void closeCode(provider).then((c) => (code = c));
      provider.connect();
      return { ...c, provider, ownId: provider.doc.clientID, code: () => code };
    });
    await Promise.all(contenders.map((c) => whenSynced(c.provider)));
    // both live edits leave in the same turn: neither has seen the other's
    for (const c of contenders) {
      c.provider.doc.clientID = clientId;
      c.provider.doc
        .getXmlFragment('default')
        .push([articleElement({ id: clauseId(), heading: c.text, paragraphs: [] })]);
    }
    await waitFor(() => contenders.some((c) => c.code() === CloseCode.CLIENT_ID_TAKEN), 'a refusal');
    const [loser, winner] =
      contenders[0]!.code() === CloseCode.CLIENT_ID_TAKEN ? contenders : contenders.reverse();
    await waitFor(
      async () => (await served(documentId, winner!.on)).includes(winner!.text),
      'the winner stored',
    );
    expect(winner!.code()).toBeNull();
    expect(await served(documentId, winner!.on)).not.toContain(loser!.text);
    expect(await served(documentId, loser!.on)).not.toContain(loser!.text);
    expect((await claims(server.dbName, documentId)).filter((c) => c.clientId === clientId)).toEqual([
      { clientId, userId: winner!.user.id },
    ]);
    for (const c of contenders) {
      // (the provider's awareness is keyed by its own id: it needs it back to be destroyed)
      c.provider.doc.clientID = c.ownId;
      c.provider.destroy();
    }
  }

  it('lets one of two members claim one client id at once (one process)', async () => {
    await race(await newDocument([attacker]), server);
  });

  it('lets one of two members claim one client id at once (two processes, one database)', async () => {
    const second = await startServer({
      dbName: server.dbName,
      env: { COLLAB_MAX_CONNECTIONS_PER_USER: '100' },
    });
    try {
      await race(await newDocument([attacker]), second);
    } finally {
      await second.stop();
    }
  });
});

describe('the authors of a clause', () => {
  it('names who wrote and who deleted each passage, for readers of the document only', async () => {
    const documentId = await newDocument([victim, attacker, observer]);
    const articleId = clauseId();
    const o = open(owner, documentId);
    o.connect();
    await whenSynced(o);
    o.doc
      .getXmlFragment('default')
      .push([articleElement({ id: articleId, heading: 'Remedies', paragraphs: [''] })]);
    const v = open(victim, documentId);
    v.connect();
    await whenSynced(v);
    await waitFor(() => findArticle(v.doc, articleId) !== undefined, 'the article at the victim');
    paragraphText(v.doc, articleId).insert(0, 'States shall provide remedies.');
    const a = open(attacker, documentId);
    a.connect();
    await whenSynced(a);
    await waitFor(
      () => paragraphText(a.doc, articleId).length === 30,
      "the victim's text at the other drafter",
    );
    // deletes "provide " (8 characters)
    paragraphText(a.doc, articleId).delete(13, 8);
    await waitFor(async () => !(await served(documentId)).includes('provide'), 'the deletion applied');
    for (const p of providers.splice(0)) p.destroy();

    const url = `/api/documents/${documentId}/clauses/${articleId}/authors`;
    let answer = await observer.api.request('GET', url);
    // the deletion is recorded with the update it came in, once that is stored
    await waitFor(async () => {
      answer = await observer.api.request('GET', url);
      return (
        answer.status === 200 &&
        answer.body.blocks[1].some((p: { deletedBy: number | null }) => p.deletedBy !== null)
      );
    }, 'the deletion recorded').catch((error: unknown) => {
      const errors = server
        .logs()
        .split('\n')
        .filter((l) => l.includes('"level":50'));
      throw new Error(`${String(error)}: ${JSON.stringify(answer.body)} ${errors.slice(-2).join('\n')}`);
    });
    const body = answer.body as {
      authors: {
        kind: string;
        userId: string | null;
        name: string | null;
        organisation: { name: string } | null;
      }[];
      blocks: { text: string | null; length: number; author: number; deletedBy: number | null }[][];
    };
    const name = (i: number | null) => (i === null ? null : body.authors[i]!.name);
    expect(body.blocks[0]!.map((p) => [p.text, name(p.author)])).toEqual([['Remedies', 'Olivia Owner']]);
    expect(body.blocks[1]!.map((p) => [p.text, p.length, name(p.author), name(p.deletedBy)])).toEqual([
      ['States shall ', 13, 'Vera Victim', null],
      [null, 8, 'Vera Victim', 'Aldo Attacker'],
      ['remedies.', 9, 'Vera Victim', null],
    ]);
    expect(body.authors.find((x) => x.name === 'Vera Victim')?.organisation?.name).toBe('Paralegal Network');

    expect((await outsider.api.request('GET', url)).status).toBe(404);
    const bad = await observer.api.request(
      'GET',
      `/api/documents/${documentId}/clauses/not-a-clause!/authors`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const missing = await observer.api.request(
      'GET',
      `/api/documents/${documentId}/clauses/${clauseId()}/authors`,
    );
    expect(missing.status).toBe(404);
  });
});
