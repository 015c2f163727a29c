import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { carryMarks, carryParagraphMarks, type ClauseContent, type TextRunContent } from '@accord/shared';

function runsOf(node: PMNode): TextRunContent[] {
  const runs: TextRunContent[] = [];
  node.forEach((child) => {
    if (!child.isText || !child.text) return;
    const marks = child.marks.flatMap((mark): NonNullable<TextRunContent['marks']> => {
      if (mark.type.name === 'bold' || mark.type.name === 'italic') return [{ type: mark.type.name }];
      if (mark.type.name === 'link') return [{ type: 'link', attrs: { href: String(mark.attrs.href) } }];
      if (mark.type.name === 'bracketed') {
        const option = mark.attrs.option;
        return [{ type: 'bracketed', attrs: { option: typeof option === 'string' ? option : null } }];
      }
      return [];
    });
    runs.push(marks.length > 0 ? { text: child.text, marks } : { text: child.text });
  });
  return runs;
}

/** A clause's own wording as the editor shows it (heading, own paragraphs), and its node type. */
export function clauseContentFromEditor(
  editor: Editor | null,
  clauseId: string,
): { type: string; content: ClauseContent } | null {
  if (!editor) return null;
  let found: { type: string; content: ClauseContent } | null = null;
  editor.state.doc.descendants((node) => {
    if (found) return false;
    if (node.attrs.clauseId !== clauseId) return true;
    if (node.type.name === 'recital') {
      found = { type: 'recital', content: { heading: null, paragraphs: [runsOf(node)] } };
      return false;
    }
    let heading: TextRunContent[] | null = null;
    const paragraphs: TextRunContent[][] = [];
    node.forEach((child, _offset, index) => {
      if (child.type.name === 'clauseHeading' && index === 0) heading = runsOf(child);
      else if (child.type.name === 'paragraph') paragraphs.push(runsOf(child));
    });
    const content: ClauseContent = { heading, paragraphs };
    if (node.type.name === 'action') {
      const a = node.attrs;
      content.fields = {
        leadOrganisations: Array.isArray(a.leadOrganisations) ? a.leadOrganisations : [],
        partners: Array.isArray(a.partners) ? a.partners : [],
        startDate: typeof a.startDate === 'string' ? a.startDate : null,
        endDate: typeof a.endDate === 'string' ? a.endDate : null,
        indicator: typeof a.indicator === 'string' ? a.indicator : '',
        status: a.status ?? 'planned',
      };
    }
    found = { type: node.type.name, content };
    return false;
  });
  return found;
}

export const runsText = (runs: readonly TextRunContent[]) => runs.map((run) => run.text).join('');

/**
 * The proposal a form's text makes: a line per paragraph. A paragraph whose text did not change
 * keeps its runs (and their marks); in a changed one the words kept keep their marks (see
 * carryParagraphMarks), so the form proposes no formatting change it did not mean.
 */
export function proposalFromText(
  original: ClauseContent,
  heading: string | null,
  body: string,
): ClauseContent {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs = carryParagraphMarks(original.paragraphs, lines);
  const keptHeading =
    heading === null
      ? null
      : original.heading && runsText(original.heading) === heading
        ? original.heading
        : original.heading
          ? carryMarks(original.heading, heading)
          : heading
            ? [{ text: heading }]
            : [];
  return original.fields
    ? { heading: keptHeading, paragraphs, fields: original.fields }
    : { heading: keptHeading, paragraphs };
}
