import * as Y from 'yjs';
import { createGhostKeepingDoc } from './GhostIndex.js';
import { MoveRepair } from './MoveRepair.js';

// Small documents in the editor's shape (clauses with a heading and paragraphs of text), for the
// unit tests of the move repair: a server (a ghost-keeping document with its repair) and plain
// Yjs clients that exchange updates by hand, so every interleaving can be forced.

export function clause(
  nodeName: string,
  clauseId: string,
  texts: string[],
  children: Y.XmlElement[] = [],
): Y.XmlElement {
  const element = new Y.XmlElement(nodeName);
  element.setAttribute('clauseId', clauseId);
  const paragraphs = texts.map((t) => {
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, t);
    p.insert(0, [text]);
    return p;
  });
  element.insert(0, [...paragraphs, ...children]);
  return element;
}

/** Deep copy of a live element, as y-prosemirror writes a moved node. */
export function copyOf(element: Y.XmlElement): Y.XmlElement {
  const copy = new Y.XmlElement(element.nodeName);
  for (const [key, value] of Object.entries(element.getAttributes())) copy.setAttribute(key, value as string);
  copy.insert(
    0,
    element.toArray().map((child) => {
      if (child instanceof Y.XmlElement) return copyOf(child);
      const text = new Y.XmlText();
      text.applyDelta((child as Y.XmlText).toDelta());
      return text;
    }),
  );
  return copy;
}

/** The clause at `path` (indexes of clauses from the root). */
export function at(doc: Y.Doc, path: number[]): Y.XmlElement {
  let type: Y.XmlElement | Y.XmlFragment = doc.getXmlFragment('default');
  for (const i of path) type = type.get(i) as Y.XmlElement;
  return type as Y.XmlElement;
}

/** Moves the clause at `from` (a path) to index `to` (counted without it) of the parent at `toParent`. */
export function move(doc: Y.Doc, from: number[], toParent: number[], to: number): void {
  doc.transact(() => {
    const element = at(doc, from);
    const copy = copyOf(element);
    const parent = from.length === 1 ? doc.getXmlFragment('default') : at(doc, from.slice(0, -1));
    parent.delete(from[from.length - 1]!, 1);
    const target = toParent.length === 0 ? doc.getXmlFragment('default') : at(doc, toParent);
    target.insert(to, [copy]);
  });
}

/** The text of the n-th paragraph of a clause. */
export function paragraph(element: Y.XmlElement, n = 0): Y.XmlText {
  const paragraphs = element
    .toArray()
    .filter((c) => c instanceof Y.XmlElement && c.nodeName === 'paragraph') as Y.XmlElement[];
  return paragraphs[n]!.get(0) as Y.XmlText;
}

/** Clause ids and their paragraphs' text, nested, for comparing documents. */
export function outline(doc: Y.Doc): string {
  const lines: string[] = [];
  const visit = (type: Y.XmlElement | Y.XmlFragment, depth: number) => {
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'paragraph')
        lines.push(`${'  '.repeat(depth)}"${child.get(0)?.toString() ?? ''}"`);
      else {
        lines.push(`${'  '.repeat(depth)}${child.nodeName} ${child.getAttribute('clauseId') ?? ''}`);
        visit(child, depth + 1);
      }
    }
  };
  visit(doc.getXmlFragment('default'), 0);
  return lines.join('\n');
}

export class TestServer {
  readonly doc: Y.Doc;
  private readonly repair: MoveRepair;
  constructor() {
    const { doc, ghosts } = createGhostKeepingDoc();
    doc.clientID = 1;
    this.doc = doc;
    this.repair = new MoveRepair(doc, ghosts);
  }
  /** called after each update and its repair (tests check invariants there) */
  onReceive?: (before: string) => void;
  receive(update: Uint8Array, kind: 'update' | 'sync-step-2' = 'update'): void {
    const before = this.onReceive ? outline(this.doc) : '';
    const decoded = Y.decodeUpdate(update);
    this.repair.beforeClientUpdate(decoded);
    Y.applyUpdate(this.doc, update, 'client');
    this.repair.afterClientUpdate(decoded, 'server', kind);
    this.onReceive?.(before);
  }
}

/** A client whose outgoing updates are held until `send` (to force interleavings). */
let nextClientId = 1000;

/** Starts client ids again from the same number (before a reproducible run). */
export function resetClientIds(): void {
  nextClientId = 1000;
}

export class TestClient {
  // fixed client ids: Yjs orders concurrent insertions by them, so a run is reproducible
  private held: Uint8Array[] = [];
  constructor(
    private readonly server: TestServer,
    /** the client's document (Accord's editor makes it with createEditorDoc) */
    readonly doc = new Y.Doc(),
  ) {
    this.doc.clientID = nextClientId++;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.held.push(update);
    });
    this.pull();
  }
  /** Sends what the client did since the last send as one update (as a client back online does). */
  send(): void {
    const held = this.held.splice(0);
    if (held.length > 0) this.server.receive(Y.mergeUpdates(held));
  }
  /**
   * Comes back online: sends what the server lacks as y-websocket's sync step 2 does (with the
   * client's whole delete set), forgetting what it held.
   */
  reconnect(): void {
    this.held = [];
    this.server.receive(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.server.doc)), 'sync-step-2');
  }

  pull(): void {
    const missing = Y.encodeStateAsUpdate(this.server.doc, Y.encodeStateVector(this.doc));
    Y.applyUpdate(this.doc, missing, 'remote');
  }
  sync(): void {
    this.send();
    this.pull();
  }
}
