import * as Y from 'yjs';
import { NODE } from '@accord/shared';

/** The document's `title` node: the first element of the editor's XmlFragment `default`. */
function titleElement(doc: Y.Doc): Y.XmlElement | null {
  const first = doc.getXmlFragment('default').get(0);
  return first instanceof Y.XmlElement && first.nodeName === NODE.title ? first : null;
}

/** The text of the document's title node, without formatting; null when there is none. */
export function readTitle(doc: Y.Doc): string | null {
  const element = titleElement(doc);
  if (!element) return null;
  let text = '';
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as { insert?: unknown }[]) {
      if (typeof op.insert === 'string') text += op.insert;
    }
  }
  return text;
}

/** Replaces the title node's text (creating the node when the document has none). */
export function writeTitle(doc: Y.Doc, title: string): void {
  let element = titleElement(doc);
  if (!element) {
    element = new Y.XmlElement(NODE.title);
    doc.getXmlFragment('default').insert(0, [element]);
  }
  const texts = element.toArray();
  const first = texts[0];
  if (texts.length === 1 && first instanceof Y.XmlText) {
    first.delete(0, first.length);
    first.insert(0, title);
    return;
  }
  if (texts.length > 0) element.delete(0, texts.length);
  element.insert(0, [new Y.XmlText(title)]);
}
