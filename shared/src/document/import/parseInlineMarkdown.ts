import type { JSONContent } from '@tiptap/core';
import { isAllowedLinkHref } from '../isAllowedLinkHref.js';
import { MARK, NODE } from '../nodeNames.js';

type Mark = NonNullable<JSONContent['marks']>[number];

// Earliest match wins; bold before italic so "**x**" is not read as two italics.
const TOKEN =
  /\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![\p{L}\p{N}])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}])/u;

const unescape = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');

/**
 * Inline Markdown (bold, italic, links, backslash escapes; line breaks "  \n" or "\\\n") to
 * ProseMirror inline JSON. Links with a scheme outside the allowlist keep their text, drop the link.
 */
export function parseInlineMarkdown(source: string, marks: Mark[] = []): JSONContent[] {
  const out: JSONContent[] = [];
  const pushText = (text: string) => {
    const parts = text.split(/(?: {2,}|\\)\n/);
    parts.forEach((part, i) => {
      if (i > 0) out.push({ type: NODE.hardBreak });
      const clean = unescape(part.replace(/\s*\n\s*/g, ' '));
      if (clean)
        out.push(marks.length ? { type: NODE.text, text: clean, marks } : { type: NODE.text, text: clean });
    });
  };
  let rest = source;
  while (rest) {
    const m = TOKEN.exec(rest);
    if (!m) {
      pushText(rest);
      break;
    }
    if (m.index > 0) pushText(rest.slice(0, m.index));
    const [whole, label, href, boldItalic, bold1, bold2, italic1, italic2] = m;
    if (label !== undefined) {
      const link = isAllowedLinkHref(href) ? [{ type: MARK.link, attrs: { href } }] : [];
      out.push(...parseInlineMarkdown(label, [...marks, ...link]));
    } else if (boldItalic !== undefined) {
      out.push(...parseInlineMarkdown(boldItalic, [...marks, { type: MARK.bold }, { type: MARK.italic }]));
    } else if ((bold1 ?? bold2) !== undefined) {
      out.push(...parseInlineMarkdown((bold1 ?? bold2)!, [...marks, { type: MARK.bold }]));
    } else {
      out.push(...parseInlineMarkdown((italic1 ?? italic2)!, [...marks, { type: MARK.italic }]));
    }
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}
