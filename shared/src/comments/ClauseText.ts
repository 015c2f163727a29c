import * as Y from 'yjs';

/** An object replacement character stands for an embed, so text offsets match Yjs indexes. */
const EMBED = '\uFFFC';

interface Run {
  text: Y.XmlText;
  /** offset of this run in `value` */
  offset: number;
  length: number;
}

/**
 * The plain text of an element's subtree: every Y.XmlText in document order, joined with "\n"
 * (between textblocks and across hard breaks), with a map from offsets back to (XmlText, index).
 */
export class ClauseText {
  readonly value: string;
  private readonly runs: Run[] = [];
  private readonly runByText = new Map<Y.XmlText, Run>();

  constructor(element: Y.XmlElement) {
    const parts: string[] = [];
    let offset = 0;
    const visit = (node: Y.XmlElement | Y.XmlText) => {
      if (node instanceof Y.XmlText) {
        const value = plainTextOf(node);
        if (parts.length > 0) {
          parts.push('\n');
          offset += 1;
        }
        const run = { text: node, offset, length: value.length };
        this.runs.push(run);
        this.runByText.set(node, run);
        parts.push(value);
        offset += value.length;
        return;
      }
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlElement || child instanceof Y.XmlText) visit(child);
      }
    };
    visit(element);
    this.value = parts.join('');
  }

  /** Offset in `value` of index `index` of `text`, or undefined when `text` is not in the subtree. */
  offsetOf(text: Y.AbstractType<any>, index: number): number | undefined {
    const run = this.runByText.get(text as Y.XmlText);
    return run ? run.offset + Math.min(index, run.length) : undefined;
  }

  /** Offset in `value` of the end of `text` (undefined when it is not in the subtree). */
  runEnd(text: Y.AbstractType<any>): number | undefined {
    const run = this.runByText.get(text as Y.XmlText);
    return run ? run.offset + run.length : undefined;
  }

  /** The (XmlText, index) at an offset of `value`; an offset on a separator maps to the next run. */
  pointAt(offset: number, preferEnd = false): { text: Y.XmlText; index: number } | undefined {
    for (let i = 0; i < this.runs.length; i++) {
      const run = this.runs[i]!;
      const end = run.offset + run.length;
      if (offset < run.offset) return { text: run.text, index: 0 };
      if (offset < end || (offset === end && (preferEnd || i === this.runs.length - 1))) {
        return { text: run.text, index: offset - run.offset };
      }
    }
    return undefined;
  }
}

/** The text of one Y.XmlText without formatting (XmlText.toString() would return XML). */
export function plainTextOf(text: Y.XmlText): string {
  let value = '';
  for (const op of text.toDelta() as Array<{ insert: unknown }>) {
    value += typeof op.insert === 'string' ? op.insert : EMBED;
  }
  return value;
}
