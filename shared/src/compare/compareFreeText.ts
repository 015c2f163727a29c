import type { JSONContent } from '@tiptap/core';
import { diffArrays } from 'diff';
import { NODE } from '../document/nodeNames.js';
import type { CanonicalDocument, CanonicalFreeText } from '../document/render/renderCanonical.js';
import type { FreeTextComparison } from './comparisonTypes.js';
import { wordDiff } from './wordDiff.js';

type Area = FreeTextComparison['area'];

/**
 * Changes to text outside clauses. Free text has no ids, so pieces are grouped by where they
 * sit (enclosing clause, and preamble or not — the opening formula must not be paired with the
 * final formula) and, within a group, aligned on identical text (jsdiff's `diffArrays`). Where
 * the alignment deletes some pieces and inserts others at the same place, they are paired in
 * order as modifications (shown as word diffs); what is left over is added or removed.
 */
export function compareFreeText(from: CanonicalDocument, to: CanonicalDocument): FreeTextComparison[] {
  const oldGroups = groupFreeText(from);
  const newGroups = groupFreeText(to);
  const keys = [...new Set([...newGroups.keys(), ...oldGroups.keys()])];
  const changes: FreeTextComparison[] = [];
  for (const key of keys) {
    const olds = oldGroups.get(key)?.items ?? [];
    const news = newGroups.get(key)?.items ?? [];
    const { area, parentId } = (newGroups.get(key) ?? oldGroups.get(key))!;
    let i = 0; // next unread item of olds
    let k = 0; // next unread item of news
    let removedRun: CanonicalFreeText[] = [];
    let addedRun: CanonicalFreeText[] = [];
    const flush = () => {
      const paired = Math.min(removedRun.length, addedRun.length);
      for (let n = 0; n < Math.max(removedRun.length, addedRun.length); n++) {
        const a = n < removedRun.length ? removedRun[n]! : null;
        const b = n < addedRun.length ? addedRun[n]! : null;
        changes.push({
          change: n < paired ? 'modified' : a ? 'removed' : 'added',
          area,
          parentId,
          oldPath: a?.path ?? null,
          newPath: b?.path ?? null,
          text: wordDiff(a?.text ?? '', b?.text ?? ''),
        });
      }
      removedRun = [];
      addedRun = [];
    };
    for (const part of diffArrays(
      olds.map((f) => f.text),
      news.map((f) => f.text),
    )) {
      if (part.removed) {
        removedRun.push(...olds.slice(i, i + part.count));
        i += part.count;
      } else if (part.added) {
        addedRun.push(...news.slice(k, k + part.count));
        k += part.count;
      } else {
        flush();
        i += part.count;
        k += part.count;
      }
    }
    flush();
  }
  return changes;
}

function groupFreeText(doc: CanonicalDocument) {
  const groups = new Map<string, { area: Area; parentId: string | null; items: CanonicalFreeText[] }>();
  for (const item of doc.freeText) {
    const area: Area = containerType(doc.tree, item.path) === NODE.preamble ? 'preamble' : 'body';
    const key = `${area}:${item.parentId ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { area, parentId: item.parentId, items: [] }));
    group.items.push(item);
  }
  return groups;
}

/** Type of the node holding the node at `path` (its parent). */
function containerType(tree: JSONContent, path: readonly number[]): string | undefined {
  let node: JSONContent | undefined = tree;
  for (const index of path.slice(0, -1)) node = node?.content?.[index];
  return node?.type;
}
