import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeUpdates } from './mergeUpdates.js';

describe('mergeUpdates', () => {
  it('gives a document the same content as applying every update', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const text = source.getText('t');
    for (let i = 0; i < 1000; i++)
      text.insert(i % 7 === 0 ? 0 : text.length, String.fromCharCode(97 + (i % 26)));
    text.delete(10, 100);
    const merged = mergeUpdates(updates);
    const target = new Y.Doc();
    Y.applyUpdate(target, merged);
    expect(target.getText('t').toString()).toBe(text.toString());
    expect(mergeUpdates([updates[0]!])).toBe(updates[0]);
  });
});
