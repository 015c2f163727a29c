import type { TextRunContent } from '@accord/shared';

/**
 * Yjs text attributes for marks, as y-prosemirror writes them (mark name → mark attrs). Always an
 * object: Y.Text.insert then ends the marks of the text before it (given no object, it would
 * carry them on).
 */
export function markAttributes(marks: TextRunContent['marks']): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const mark of marks ?? []) {
    attributes[mark.type] =
      mark.type === 'link'
        ? { href: mark.attrs.href }
        : mark.type === 'bracketed'
          ? { option: mark.attrs.option }
          : {};
  }
  return attributes;
}

/** Splits text into runs of equal marks, given the marks of each of its characters. */
export function runsByMarks(
  text: string,
  marksAt: (index: number) => TextRunContent['marks'],
): TextRunContent[] {
  const runs: TextRunContent[] = [];
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const marks = marksAt(i);
    const nextKey = JSON.stringify(marks ?? []);
    const last = runs[runs.length - 1];
    if (last && nextKey === key) last.text += text[i];
    else runs.push(marks && marks.length > 0 ? { text: text[i]!, marks } : { text: text[i]! });
    key = nextKey;
  }
  return runs;
}
