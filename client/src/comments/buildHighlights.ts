import type * as Y from 'yjs';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import { decodePosition } from '@accord/shared';

export interface HighlightInput {
  threadId: string;
  /** base64 Yjs relative positions (the resolved anchor's) */
  start: string;
  end: string;
}

export interface HighlightRange {
  threadId: string;
  from: number;
  to: number;
}

const decoded = new Map<string, Y.RelativePosition | null>();

/** Decodes once: the same anchors are mapped again after every remote change. */
function decodeCached(base64: string): Y.RelativePosition | null {
  let position = decoded.get(base64);
  if (position === undefined) {
    position = decodePosition(base64);
    if (decoded.size > 20_000) decoded.clear();
    decoded.set(base64, position);
  }
  return position;
}

/**
 * ProseMirror ranges of comment anchors, from their Yjs relative positions through y-tiptap's
 * mapping (Y type → ProseMirror node). Ranges that cannot be placed (text not rendered yet,
 * deleted, collapsed) are left out: the sidebar still shows their thread.
 */
export function buildHighlights(
  ydoc: Y.Doc,
  type: Y.XmlFragment,
  mapping: never,
  inputs: readonly HighlightInput[],
  size: number,
): HighlightRange[] {
  const out: HighlightRange[] = [];
  for (const input of inputs) {
    const start = decodeCached(input.start);
    const end = decodeCached(input.end);
    if (!start || !end) continue;
    let from: number | null;
    let to: number | null;
    try {
      from = relativePositionToAbsolutePosition(ydoc, type, start, mapping);
      to = relativePositionToAbsolutePosition(ydoc, type, end, mapping);
    } catch {
      continue;
    }
    if (from === null || to === null || from >= to || from < 0 || to > size) continue;
    out.push({ threadId: input.threadId, from, to });
  }
  return out;
}
