/**
 * Comment bodies are plain text: line breaks are "\n", links are bare http(s) or mailto URLs, and
 * a mention is written `@[Display Name](userId)` (userId: the member's 24-hex-digit id). There is
 * no HTML: render the tokens of parseCommentBody as text nodes (and <a> for links), never as
 * markup, so `<img src=x onerror=alert(1)>` shows as those characters.
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,120})\]\(([0-9a-f]{24})\)/g;
const LINK_PATTERN = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/g;
// punctuation that ends a sentence is not part of the link before it
const TRAILING = /[.,;:!?)\]}'"]+$/;

export type CommentBodyToken =
  | { type: 'text'; text: string }
  | { type: 'mention'; userId: string; name: string }
  | { type: 'link'; href: string; text: string };

/** A display name as mention markup can hold it (no "]" or line break, at most 120 characters). */
export function mentionName(name: string): string {
  return name.replace(/[\]\n]/g, ' ').slice(0, 120);
}

/** The mention markup for a member, to insert into a body. */
export function formatMention(name: string, userId: string): string {
  return `@[${mentionName(name)}](${userId})`;
}

/** The distinct user ids mentioned in a body, in order of first mention. */
export function extractMentions(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION_PATTERN)) ids.add(match[2]!);
  return [...ids];
}

/** Splits a body into text, mention and link tokens for safe rendering. */
export function parseCommentBody(body: string): CommentBodyToken[] {
  const tokens: CommentBodyToken[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    let last = 0;
    for (const match of text.matchAll(LINK_PATTERN)) {
      let href = match[0];
      const trailing = TRAILING.exec(href);
      if (trailing) href = href.slice(0, -trailing[0].length);
      if (href.endsWith('://') || href === 'mailto:') continue;
      if (match.index > last) tokens.push({ type: 'text', text: text.slice(last, match.index) });
      tokens.push({ type: 'link', href, text: href });
      last = match.index + href.length;
    }
    if (last < text.length) tokens.push({ type: 'text', text: text.slice(last) });
  };
  let last = 0;
  for (const match of body.matchAll(MENTION_PATTERN)) {
    pushText(body.slice(last, match.index));
    tokens.push({ type: 'mention', name: match[1]!, userId: match[2]! });
    last = match.index + match[0].length;
  }
  pushText(body.slice(last));
  return tokens;
}
