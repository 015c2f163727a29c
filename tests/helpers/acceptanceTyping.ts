import { expect } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from './server.js';
import { waitFor, whenSynced } from './collab.js';
import { Gate, openGatedProvider } from './gatedProvider.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  serverHas,
  type CommentsFixture,
} from './commentsFixture.js';
import { decide } from './amendmentsFixture.js';
import { documentJson } from './clauseTrees.js';

/**
 * For tests of accepting an amendment while someone types in the clause: a typist (a stock
 * y-websocket client whose outgoing updates the gate can hold back, so the typing is truly
 * concurrent with the acceptance) and a watcher, on the comments fixture's document.
 */
export interface AcceptanceTyping {
  server: TestServer;
  fx: CommentsFixture;
  typist: WebsocketProvider;
  watcher: WebsocketProvider;
  gate: Gate;
}

export async function startAcceptanceTyping(): Promise<AcceptanceTyping> {
  const server = await startServer();
  const fx = await createCommentsFixture(server.url);
  const gate = new Gate();
  const typist = openGatedProvider(server.wsUrl, fx.drafter.api.cookie, fx.documentId, gate);
  await whenSynced(typist);
  const watcher = await openSynced(server.wsUrl, fx.reviewer, fx.documentId);
  return { server, fx, typist, watcher, gate };
}

export function stopAcceptanceTyping(t: AcceptanceTyping | undefined): void {
  t?.typist.destroy();
  t?.watcher.destroy();
}

/** A paragraph from a string, "|" standing for a hard break. */
function paragraphOf(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(
    0,
    text
      .split('|')
      .flatMap((part, i) => [
        ...(i > 0 ? [new Y.XmlElement('hardBreak')] : []),
        ...(part ? [new Y.XmlText(part)] : []),
      ]),
  );
  return element;
}

/** An article holding one numbered paragraph (its clause id returned) of these paragraphs ("|": a hard break). */
export function writeClause(doc: Y.Doc, paragraphs: string[]): string {
  const id = clauseId();
  const article = new Y.XmlElement('article');
  article.setAttribute('clauseId', clauseId());
  const heading = new Y.XmlElement('clauseHeading');
  heading.insert(0, [new Y.XmlText('Legal aid')]);
  const numbered = new Y.XmlElement('numberedParagraph');
  numbered.setAttribute('clauseId', id);
  numbered.insert(0, paragraphs.map(paragraphOf));
  article.insert(0, [heading, numbered]);
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => fragment.insert(fragment.length, [article]));
  return id;
}

/** A proposed paragraph: plain text, or runs with marks. */
export type ProposedParagraph = string | { text: string; marks?: object[] }[];

/**
 * Tables a replacement of the clause by `proposal`, types into the clause unseen, accepts, waits
 * until the watcher shows the acceptance (`accepted`), then lets the typing through.
 */
export async function acceptWhileTyping(
  t: AcceptanceTyping,
  id: string,
  proposal: ProposedParagraph[],
  type: (doc: Y.Doc) => void,
  accepted: (doc: Y.Doc) => boolean,
): Promise<void> {
  const paragraphs = proposal.map((p) => (typeof p === 'string' ? (p ? [{ text: p }] : []) : p));
  const tabled = await t.fx.reviewer.api.request('POST', `/api/documents/${t.fx.documentId}/amendments`, {
    kind: 'replace',
    clauseId: id,
    proposal: { heading: null, paragraphs },
    justification: 'Clearer.',
  });
  expect(tabled.status).toBe(201);
  t.gate.holdOutgoing = true;
  type(t.typist.doc);
  const decided = await decide(t.fx.coordinator, t.fx.documentId, tabled.body.amendment.id, {
    decision: 'accept',
  });
  expect(decided.status).toBe(200);
  try {
    await waitFor(() => accepted(t.watcher.doc), 'the accept');
  } finally {
    t.gate.release();
  }
}

/** Waits until the typist and the watcher both read `want`, and the server has what the typist has. */
export async function expectEverywhere(
  t: AcceptanceTyping,
  read: (doc: Y.Doc) => string,
  want: string,
): Promise<void> {
  await waitFor(() => read(t.typist.doc) === want, 'the typist to have both');
  await waitFor(() => read(t.watcher.doc) === want, 'the watcher to have both');
  await serverHas(
    t.server.wsUrl,
    t.fx.observer,
    t.fx.documentId,
    (doc) => documentJson(doc) === documentJson(t.typist.doc),
  );
}
