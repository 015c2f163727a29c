import * as Y from 'yjs';
import { AnchorResolver, type DocumentLanguage, type ResolvedAnchor } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import type { ThreadData } from './ThreadData.js';
import { toStoredAnchor } from './toStoredAnchor.js';

interface Memo {
  key: string;
  anchors: Map<string, ResolvedAnchor>;
}

/** The last resolution per document: anchors change only when the text or the threads do. */
const memo = new Map<string, Memo>();
const MAX_MEMOS = 200;

/**
 * The current anchor of each thread, computed against the document's current Yjs state (the
 * live room when it is open), with one AnchorResolver for all of them.
 *
 * With `threadsVersion` (the comment cache's version of these threads), the result is reused
 * while neither the threads nor the text changed: the text's identity is the Yjs snapshot (state
 * vector + delete set), which changes with every insertion and every deletion.
 */
export function resolveThreadAnchors(
  collab: CollabControl,
  documentId: string,
  language: DocumentLanguage,
  threads: ThreadData[],
  threadsVersion?: number,
): Promise<Map<string, ResolvedAnchor>> {
  return collab.withDocument(documentId, (doc) => {
    const key =
      threadsVersion === undefined
        ? null
        : `${threadsVersion}|${language}|${Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')}`;
    const previous = memo.get(documentId);
    if (key !== null && previous?.key === key) return previous.anchors;
    const resolver = new AnchorResolver(doc, language);
    const anchors = new Map<string, ResolvedAnchor>();
    for (const thread of threads) {
      const anchor = thread.root.record.anchor;
      if (anchor) anchors.set(thread.id, resolver.resolve(toStoredAnchor(anchor)));
    }
    if (key !== null) {
      memo.delete(documentId);
      memo.set(documentId, { key, anchors });
      if (memo.size > MAX_MEMOS) memo.delete(memo.keys().next().value!);
    }
    return anchors;
  });
}
