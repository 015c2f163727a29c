import * as Y from 'yjs';
import type { TextRunContent } from '@accord/shared';
import { markAttributes } from './markAttributes.js';

/** Writes runs into an empty Y.XmlText, each with its marks. */
export function fillText(text: Y.XmlText, runs: readonly TextRunContent[]): void {
  let at = 0;
  for (const run of runs) {
    text.insert(at, run.text, markAttributes(run.marks));
    at += run.text.length;
  }
}

/** A new textblock element (paragraph, clause heading) holding these runs. */
export function textBlock(name: string, runs: readonly TextRunContent[]): Y.XmlElement {
  const element = new Y.XmlElement(name);
  const text = new Y.XmlText();
  element.insert(0, [text]);
  fillText(text, runs);
  return element;
}
