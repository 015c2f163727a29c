import { MENTION_PATTERN, formatMention, mentionName } from '@accord/shared';

/** Someone chosen from the mention list while writing: shown as "@Name", stored with the id. */
export interface ChosenMention {
  name: string;
  id: string;
}

export interface MentionSpan {
  /** [start, end) of "@Name" in the composer's text */
  start: number;
  end: number;
  mention: ChosenMention;
}

/** A member chosen from the list, with their name as mention markup can hold it. */
export const chooseMention = (member: { name: string; id: string }): ChosenMention => ({
  name: mentionName(member.name),
  id: member.id,
});

const mentionLabel = (mention: ChosenMention) => `@${mention.name}`;

/**
 * A stored body as the composer shows it (for editing a comment): each `@[Name](id)` becomes
 * "@Name", and the people it mentions are kept aside to write the markup back.
 */
export function bodyToComposerText(body: string): { text: string; mentions: ChosenMention[] } {
  const mentions: ChosenMention[] = [];
  const text = body.replace(MENTION_PATTERN, (_markup, name: string, id: string) => {
    if (!mentions.some((m) => m.id === id)) mentions.push({ name, id });
    return `@${name}`;
  });
  return { text, mentions };
}

/**
 * Where the chosen people are named in the text, in order: "@Name" not inside a word on either
 * side (so "@Bea Mensahs" is plain text). Longer names win where two would overlap.
 */
export function mentionSpans(text: string, mentions: readonly ChosenMention[]): MentionSpan[] {
  const spans: MentionSpan[] = [];
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  for (const mention of byLength) {
    const label = mentionLabel(mention);
    for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
      const end = at + label.length;
      if (at > 0 && /[\p{L}\p{N}_]/u.test(text[at - 1]!)) continue;
      if (end < text.length && /[\p{L}\p{N}_]/u.test(text[end]!)) continue;
      if (spans.some((s) => at < s.end && end > s.start)) continue;
      spans.push({ start: at, end, mention });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The body to store: each chosen person's "@Name" as mention markup (their id), the rest as typed. */
export function composerTextToBody(text: string, mentions: readonly ChosenMention[]): string {
  let body = '';
  let last = 0;
  for (const span of mentionSpans(text, mentions)) {
    body += text.slice(last, span.start) + formatMention(span.mention.name, span.mention.id);
    last = span.end;
  }
  return body + text.slice(last);
}

/**
 * The range a key deletes as one piece: Backspace right after (or inside) a mention, Delete right
 * before (or inside) one, removes the whole name. Null when the key deletes as usual.
 */
export function mentionToDelete(
  spans: readonly MentionSpan[],
  caret: number,
  key: 'Backspace' | 'Delete',
): MentionSpan | null {
  return (
    spans.find((s) =>
      key === 'Backspace' ? caret > s.start && caret <= s.end : caret >= s.start && caret < s.end,
    ) ?? null
  );
}
