/** A run of text with its inline marks (the editor's bold, italic, link and bracketed text). */
export interface TextRunContent {
  text: string;
  marks?: (
    | { type: 'bold' }
    | { type: 'italic' }
    | { type: 'link'; attrs: { href: string } }
    | { type: 'bracketed'; attrs: { option: string | null } }
  )[];
}

/** The fields of an action (action plans), as its node attributes hold them. */
export interface AmendmentActionFields {
  leadOrganisations: string[];
  partners: string[];
  startDate: string | null;
  endDate: string | null;
  indicator: string;
  status: 'planned' | 'in_progress' | 'done' | 'blocked';
}

/**
 * A clause's own wording: its heading (null when it has none), its own paragraphs (not those of
 * the clauses inside it, which are clauses of their own), and for actions their fields.
 */
export interface ClauseContent {
  heading: TextRunContent[] | null;
  paragraphs: TextRunContent[][];
  fields?: AmendmentActionFields | undefined;
}

const blockText = (runs: readonly TextRunContent[]) => runs.map((run) => run.text).join('');

/** The textblocks of the content in order: the heading first when there is one. */
export function contentBlocks(content: ClauseContent): TextRunContent[][] {
  return content.heading ? [content.heading, ...content.paragraphs] : content.paragraphs;
}

/** The plain text the merge works on: the textblocks joined with line breaks. */
export function contentText(content: ClauseContent): string {
  return contentBlocks(content).map(blockText).join('\n');
}

/** The marks at each character of `contentText(content)` (line breaks: none). */
export function contentMarksAt(content: ClauseContent): (offset: number) => TextRunContent['marks'] {
  const marks: (TextRunContent['marks'] | undefined)[] = [];
  contentBlocks(content).forEach((block, index) => {
    if (index > 0) marks.push(undefined);
    for (const run of block) for (let i = 0; i < run.text.length; i++) marks.push(run.marks);
  });
  return (offset) => marks[offset];
}
