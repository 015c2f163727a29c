import type { JSONContent } from '@tiptap/core';
import { newClauseId } from '../ids/newClauseId.js';
import { NODE } from '../nodeNames.js';

const text = (value: string): JSONContent[] => (value ? [{ type: NODE.text, text: value }] : []);
const withId = (type: string, content: JSONContent[], attrs: Record<string, unknown> = {}): JSONContent => ({
  type,
  attrs: { clauseId: newClauseId(), ...attrs },
  content,
});
const heading = (value: string): JSONContent => ({ type: NODE.clauseHeading, content: text(value) });

/**
 * Small builders for ProseMirror JSON of policy documents. Every structural node gets a fresh
 * clauseId, so each document created from a template or an import has its own ids.
 */
export const buildNodes = {
  text,
  doc: (title: string, body: JSONContent[]): JSONContent => ({
    type: NODE.doc,
    content: [{ type: NODE.title, content: text(title) }, ...body],
  }),
  paragraph: (value = '', inline?: JSONContent[]): JSONContent => ({
    type: NODE.paragraph,
    content: inline ?? text(value),
  }),
  preamble: (content: JSONContent[]): JSONContent => ({ type: NODE.preamble, content }),
  recital: (value: string, inline?: JSONContent[]): JSONContent =>
    withId(NODE.recital, inline ?? text(value)),
  heading,
  chapter: (title: string, articles: JSONContent[]): JSONContent =>
    withId(NODE.chapter, [heading(title), ...articles]),
  /** An article; `headingText` null means no heading line. */
  article: (headingText: string | null, body: JSONContent[]): JSONContent =>
    withId(NODE.article, [...(headingText === null ? [] : [heading(headingText)]), ...body]),
  numberedParagraph: (value: string, rest: JSONContent[] = [], inline?: JSONContent[]): JSONContent =>
    withId(NODE.numberedParagraph, [{ type: NODE.paragraph, content: inline ?? text(value) }, ...rest]),
  point: (value: string, rest: JSONContent[] = [], inline?: JSONContent[]): JSONContent =>
    withId(NODE.point, [{ type: NODE.paragraph, content: inline ?? text(value) }, ...rest]),
  objective: (title: string, actions: JSONContent[]): JSONContent =>
    withId(NODE.objective, [heading(title), ...actions]),
  action: (
    title: string,
    fields: {
      leadOrganisations?: string[];
      partners?: string[];
      startDate?: string | null;
      endDate?: string | null;
      indicator?: string;
      status?: string;
    } = {},
    description: JSONContent[] = [],
  ): JSONContent =>
    withId(NODE.action, [heading(title), ...description], {
      leadOrganisations: fields.leadOrganisations ?? [],
      partners: fields.partners ?? [],
      startDate: fields.startDate ?? null,
      endDate: fields.endDate ?? null,
      indicator: fields.indicator ?? '',
      status: fields.status ?? 'planned',
    }),
  annex: (title: string, body: JSONContent[]): JSONContent => withId(NODE.annex, [heading(title), ...body]),
};
