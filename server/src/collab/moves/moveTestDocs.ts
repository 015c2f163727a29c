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
    this.doc = doc;
    this.repair = new MoveRepair(doc, ghosts);
  }
  receive(update: Uint8Array): void {
    const decoded = Y.decodeUpdate(update);
    this.repair.beforeClientUpdate();
    Y.applyUpdate(this.doc, update, 'client');
    this.repair.afterClientUpdate(decoded, 'server');
  }
}

/** A client whose outgoing updates are held until `send` (to force interleavings). */
export class TestClient {
  readonly doc = new Y.Doc();
  private held: Uint8Array[] = [];
  constructor(private readonly server: TestServer) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.held.push(update);
    });
    this.pull();
  }
  send(): void {
    for (const update of this.held.splice(0)) this.server.receive(update);
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
