import type { Node as PmNode } from '@tiptap/pm/model';
import { findMatches } from '@accord/shared';

/** A match in the editor's document: ProseMirror positions. */
export interface DocMatch {
  from: number;
  to: number;
}

/** how many matches are highlighted at most (a one-letter query in a long text) */
export const MAX_DOC_MATCHES = 1000;

/**
 * Every match of `query` in the document's text blocks (headings, paragraphs, clause text),
 * accent- and case-insensitive like the server's search. Each inline node is one position: text
 * is its characters, anything else (a hard break) one placeholder, so string offsets are
 * positions within the block.
 */
export function findTextMatches(doc: PmNode, query: string, limit = MAX_DOC_MATCHES): DocMatch[] {
  const matches: DocMatch[] = [];
  if (!query.trim()) return matches;
  doc.descendants((node, pos) => {
    if (matches.length >= limit) return false;
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => {
      text += child.isText ? child.text! : child.isInline ? '\n' : '';
    });
    for (const match of findMatches(text, query, limit - matches.length)) {
      matches.push({ from: pos + 1 + match.start, to: pos + 1 + match.end });
    }
    return false;
  });
  return matches;
}
