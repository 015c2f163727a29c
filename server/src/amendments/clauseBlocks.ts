import * as Y from 'yjs';
import { NODE, type AmendmentActionFields, type ClauseContent, type TextRunContent } from '@accord/shared';

// y-prosemirror stores overlapping marks as "name--<8-char hash>"; the mark name is the prefix
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** A stretch of a clause's own text as the merge sees it: text in a Y.XmlText, or a line break. */
export interface TextSpot {
  /** the textblock element holding it (clause heading, paragraph, or the recital itself) */
  block: Y.XmlElement;
  /** null: a line break (between textblocks, or a hard break), or an empty textblock */
  text: Y.XmlText | null;
  /** the child index in `block` where text goes when `text` is null and the block is empty */
  childIndex: number;
  start: number;
  length: number;
}

/** A clause's own wording read from the live document, with the map back to its Yjs types. */
export interface ClauseBlocks {
  clause: Y.XmlElement;
  content: ClauseContent;
  text: string;
  spots: TextSpot[];
  heading: Y.XmlElement | null;
  paragraphs: Y.XmlElement[];
}

export function marksOf(attributes: Record<string, unknown> | undefined): TextRunContent['marks'] {
  if (!attributes) return undefined;
  const marks: NonNullable<TextRunContent['marks']> = [];
  for (const [key, value] of Object.entries(attributes)) {
    const name = HASHED_MARK_NAME.exec(key)?.[1] ?? key;
    if (name === 'bold' || name === 'italic') marks.push({ type: name });
    else if (name === 'bracketed') {
      const option = (value as { option?: unknown } | null)?.option;
      marks.push({ type: 'bracketed', attrs: { option: typeof option === 'string' ? option : null } });
    } else if (name === 'link') {
      const href = (value as { href?: unknown } | null)?.href;
      if (typeof href === 'string') marks.push({ type: 'link', attrs: { href } });
    }
  }
  return marks.length > 0 ? marks : undefined;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function actionFieldsOf(element: Y.XmlElement): AmendmentActionFields {
  const attrs = element.getAttributes() as Record<string, unknown>;
  const status = attrs.status;
  return {
    leadOrganisations: strings(attrs.leadOrganisations),
    partners: strings(attrs.partners),
    startDate: typeof attrs.startDate === 'string' ? attrs.startDate : null,
    endDate: typeof attrs.endDate === 'string' ? attrs.endDate : null,
    indicator: typeof attrs.indicator === 'string' ? attrs.indicator : '',
    status: status === 'in_progress' || status === 'done' || status === 'blocked' ? status : 'planned',
  };
}

/**
 * Reads a clause's own wording: its heading, its own paragraphs (not the clauses inside it) and,
 * for actions, its fields. A hard break counts as a line break, as between textblocks.
 */
export function readClauseBlocks(clause: Y.XmlElement): ClauseBlocks {
  let heading: Y.XmlElement | null = null;
  const paragraphs: Y.XmlElement[] = [];
  const blocks: Y.XmlElement[] = [];
  if (clause.nodeName === NODE.recital) blocks.push(clause);
  else {
    for (const child of clause.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === NODE.clauseHeading && !heading && blocks.length === 0) {
        heading = child;
        blocks.push(child);
      } else if (child.nodeName === NODE.paragraph) {
        paragraphs.push(child);
        blocks.push(child);
      }
    }
  }
  const spots: TextSpot[] = [];
  const lines: TextRunContent[][] = [];
  let offset = 0;
  blocks.forEach((block, blockIndex) => {
    if (blockIndex > 0) {
      spots.push({ block, text: null, childIndex: -1, start: offset, length: 1 });
      offset += 1;
    }
    let line: TextRunContent[] = [];
    let hasText = false;
    block.toArray().forEach((child, childIndex) => {
      if (child instanceof Y.XmlText) {
        let length = 0;
        for (const delta of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
          if (typeof delta.insert !== 'string') continue;
          const marks = marksOf(delta.attributes);
          line.push(marks ? { text: delta.insert, marks } : { text: delta.insert });
          length += delta.insert.length;
        }
        spots.push({ block, text: child, childIndex, start: offset, length });
        offset += length;
        hasText = true;
      } else if (child instanceof Y.XmlElement) {
        // a hard break: a line break in the text, a new line of the content
        lines.push(line);
        line = [];
        spots.push({ block, text: null, childIndex: -1, start: offset, length: 1 });
        offset += 1;
      }
    });
    if (!hasText) spots.push({ block, text: null, childIndex: block.length, start: offset, length: 0 });
    lines.push(line);
  });
  const content: ClauseContent = heading
    ? { heading: lines[0] ?? [], paragraphs: lines.slice(1) }
    : { heading: null, paragraphs: lines };
  if (clause.nodeName === NODE.action) content.fields = actionFieldsOf(clause);
  const text = lines.map((line) => line.map((run) => run.text).join('')).join('\n');
  return { clause, content, text, spots, heading, paragraphs };
}
