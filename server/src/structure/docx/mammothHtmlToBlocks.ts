import { isAllowedLinkHref, parseMarkdownBlocks, type ImportBlock } from '@accord/shared';

export interface HtmlBlocks {
  blocks: ImportBlock[];
  /** what the conversion left out, for the preview's warnings */
  skipped: { footnotes: number; images: number; tables: number };
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([a-zA-Z-]+)="([^"]*)"/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
// inline text is Markdown for the shared importer: keep literal markup characters literal
const escapeMarkdown = (text: string) => text.replace(/[\\*[\]`]/g, '\\$&');
const attributes = (source: string) =>
  Object.fromEntries([...source.matchAll(ATTRIBUTE)].map((m) => [m[1]!.toLowerCase(), decode(m[2]!)]));

const NOTE_ID = /^(footnote|endnote|comment)-/;

/**
 * mammoth's HTML (a small, regular subset: p, h1–h6, ol/ul/li, strong, em, a, br, table, sup,
 * sub, img) → the shared importer's blocks: headings stay headings, list items keep their nesting
 * depth and kind (ordered → "1." at the top level, "a)" below, "i)" further down; bullets "-"), and
 * other paragraphs are read like Markdown lines, so typed markers ("a) …", "(iv) …") and structure
 * lines ("Article 5 — Title") are recognised as in a pasted text. Footnotes, images and tables'
 * layout are left out (counted in `skipped`); bold, italic and links are kept.
 */
export function mammothHtmlToBlocks(html: string): HtmlBlocks {
  const blocks: ImportBlock[] = [];
  const skipped = { footnotes: 0, images: 0, tables: 0 };
  const lists: ('ol' | 'ul')[] = [];
  let text = '';
  let collecting: { kind: 'p' | 'li' | 'h'; level: number } | null = null;
  let linkHrefs: (string | null)[] = [];
  let skipDepth = 0; // inside a footnote list or a footnote reference
  let skipTag = '';

  const flush = () => {
    const current = collecting;
    collecting = null;
    const value = text.replace(/[ \t\u00a0]+/g, ' ').trim();
    text = '';
    if (!current || !value) return;
    if (current.kind === 'h') blocks.push({ kind: 'heading', level: current.level, text: value });
    else if (current.kind === 'li') {
      const depth = Math.max(0, lists.length - 1);
      const ordered = lists[lists.length - 1] === 'ol';
      const marker = !ordered ? '-' : depth === 0 ? '1.' : depth === 1 ? 'a)' : depth === 2 ? 'i)' : 'A)';
      blocks.push({ kind: 'listItem', marker, indent: depth * 4, text: value });
    } else blocks.push(...parseMarkdownBlocks(value));
  };

  for (const m of html.matchAll(TOKEN)) {
    const [, closing, rawTag, rawAttributes = '', selfClosing, rawText] = m;
    if (rawText !== undefined) {
      if (skipDepth === 0 && collecting) text += escapeMarkdown(decode(rawText));
      continue;
    }
    const tag = rawTag!.toLowerCase();
    const attrs = closing ? {} : attributes(rawAttributes);
    if (skipDepth > 0) {
      if (tag === skipTag) skipDepth += closing ? -1 : selfClosing ? 0 : 1;
      continue;
    }
    if (!closing && (tag === 'ol' || tag === 'li') && NOTE_ID.test(attrs.id ?? '')) {
      // footnotes and endnotes, which mammoth appends as a list: not clauses of the text
      skipped.footnotes++;
      skipDepth = 1;
      skipTag = tag;
      continue;
    }
    if (!closing && tag === 'a' && (attrs.href ?? '').startsWith('#')) {
      // a note reference "[1]" inside the text
      skipDepth = 1;
      skipTag = 'a';
      continue;
    }
    switch (tag) {
      case 'p':
        if (closing) {
          if (collecting?.kind === 'p') flush();
        } else if (collecting?.kind === 'li') text += ' ';
        else {
          flush();
          collecting = { kind: 'p', level: 0 };
        }
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        flush();
        if (!closing) collecting = { kind: 'h', level: Number(tag[1]) };
        break;
      case 'ol':
      case 'ul':
        flush();
        if (closing) lists.pop();
        else lists.push(tag);
        break;
      case 'li':
        flush();
        if (!closing) collecting = { kind: 'li', level: 0 };
        break;
      case 'br':
        if (collecting) text += collecting.kind === 'h' ? ' ' : '  \n';
        break;
      case 'strong':
      case 'b':
        if (collecting) text += '**';
        break;
      case 'em':
      case 'i':
        if (collecting) text += '*';
        break;
      case 'a':
        if (!collecting) break;
        if (closing) {
          const href = linkHrefs.pop();
          if (href) text += `](${href})`;
        } else {
          const href =
            attrs.href && isAllowedLinkHref(attrs.href) && !/[\s()]/.test(attrs.href) ? attrs.href : null;
          linkHrefs.push(href);
          if (href) text += '[';
        }
        break;
      case 'img':
        skipped.images++;
        break;
      case 'table':
        if (!closing) skipped.tables++;
        flush();
        break;
      case 'td':
      case 'th':
      case 'tr':
        flush();
        break;
      default:
        // sup, sub, s, u, span …: their text is kept, the formatting is not in the schema
        break;
    }
  }
  flush();
  linkHrefs = [];
  return { blocks, skipped };
}
