import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeletedText } from './DeletedText.js';

/** The two items of "legal aidfree " typed by one client as "free " (clocks 0–4), then "legal aid" before it (5–13). */
function typedItems(): Y.Item[] {
  const doc = new Y.Doc();
  doc.clientID = 7;
  const text = doc.getText('t');
  text.insert(0, 'free ');
  text.insert(0, 'legal aid');
  const items: Y.Item[] = [];
  for (let item = text._start; item !== null; item = item.right) items.push(item);
  return items.sort((x, y) => x.id.clock - y.id.clock);
}

describe('DeletedText', () => {
  it('gives back each character of a recorded item by its id', () => {
    const deleted = new DeletedText();
    for (const item of typedItems()) deleted.record(item);
    expect([0, 1, 2, 3, 4].map((clock) => deleted.charAt(7, clock)).join('')).toBe('free ');
    expect(deleted.charAt(7, 5)).toBe('l');
    expect(deleted.charAt(7, 13)).toBe('d');
    expect(deleted.charAt(7, 14)).toBeUndefined();
    expect(deleted.charAt(8, 0)).toBeUndefined();
  });

  it('forgets the oldest text past its bound', () => {
    const deleted = new DeletedText(10);
    const [first, second] = typedItems() as [Y.Item, Y.Item];
    deleted.record(first); // 5 characters
    deleted.record(second); // 9 more: the first goes
    expect(deleted.charAt(7, 0)).toBeUndefined();
    expect(deleted.charAt(7, 5)).toBe('l');
  });

  it('records only text', () => {
    const doc = new Y.Doc();
    const list = doc.getArray('a');
    list.insert(0, [1, 2]);
    const deleted = new DeletedText();
    deleted.record(list._start!);
    expect(deleted.charAt(doc.clientID, 0)).toBeUndefined();
  });
});
