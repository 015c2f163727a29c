import * as Y from 'yjs';
import { NODE } from '@accord/shared';

/** One line of a textblock: the text before a hard break, or after the last one. */
export interface BlockLine {
  block: Y.XmlElement;
  /** the line's text; null when it has none (an empty textblock, two hard breaks in a row) */
  text: Y.XmlText | null;
  /** the hard break that ends the line; null on the textblock's last line */
  breakAfter: Y.XmlElement | null;
}

/**
 * A textblock as the lines the merge reads from it (readClauseBlocks counts a hard break as a
 * line break): runs of text separated by hard breaks. Undefined when it holds anything else (two
 * texts on one line, another inline node): then it cannot be edited line by line.
 */
export function blockLines(block: Y.XmlElement): BlockLine[] | undefined {
  const lines: BlockLine[] = [];
  let text: Y.XmlText | null = null;
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) {
      if (text) return undefined;
      text = child;
    } else if (child instanceof Y.XmlElement && child.nodeName === NODE.hardBreak) {
      lines.push({ block, text, breakAfter: child });
      text = null;
    } else return undefined;
  }
  lines.push({ block, text, breakAfter: null });
  return lines;
}
