import * as Y from 'yjs';
import type { UnitView } from './UnitView.js';
import { attributesOf, heldType, listItems } from './yjsInternals.js';

/**
 * A new, unattached copy of what a ghost's element holds that `view` calls new: an element
 * someone added to a clause that has since moved, with its text and formatting, ready to be
 * inserted into the clause's live copy.
 */
export function cloneRetained(element: Y.XmlElement, view: Pick<UnitView, 'role'>): Y.XmlElement {
  const copy = new Y.XmlElement(element.nodeName);
  for (const [key, value] of Object.entries(attributesOf(element))) {
    copy.setAttribute(key, value as string);
  }
  const children: Array<Y.XmlElement | Y.XmlText> = [];
  for (const item of listItems(element)) {
    const child = heldType(item);
    if (!child || view.role(item, item.id.clock) !== 'new') continue;
    if (child instanceof Y.XmlElement) children.push(cloneRetained(child, view));
    else if (child instanceof Y.XmlText) children.push(cloneRetainedText(child, view));
  }
  copy.insert(0, children);
  return copy;
}

export function cloneRetainedText(text: Y.XmlText, view: Pick<UnitView, 'role'>): Y.XmlText {
  const delta: Array<{ insert: string; attributes?: Record<string, unknown> }> = [];
  const attributes = new Map<string, unknown>();
  for (const item of listItems(text)) {
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) attributes.delete(content.key);
      else attributes.set(content.key, content.value);
    } else if (content instanceof Y.ContentString) {
      let run = '';
      for (let i = 0; i < content.str.length; i++) {
        if (view.role(item, item.id.clock + i) === 'new') run += content.str[i];
      }
      if (run)
        delta.push(
          attributes.size ? { insert: run, attributes: Object.fromEntries(attributes) } : { insert: run },
        );
    }
  }
  const copy = new Y.XmlText();
  copy.applyDelta(delta);
  return copy;
}
