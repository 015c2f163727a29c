import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { policySchema } from './policySchema.js';
import { fragmentToJson } from './render/fragmentToJson.js';
import { renderCanonical } from './render/renderCanonical.js';
import { validateDocument } from './render/validateDocument.js';
import { buildNodes as b } from './templates/buildNodes.js';
import { templates } from './templates/templates.js';

const normalized = (json: JSONContent) => policySchema.nodeFromJSON(json).toJSON();

describe('renderCanonical', () => {
  it('lists clauses in order with number, label, heading, own text, parent and depth', () => {
    const bold = { type: 'text', text: 'shall', marks: [{ type: 'bold' }] };
    const p1 = b.numberedParagraph(
      '',
      [b.point('first point'), b.paragraph('closing words')],
      [{ type: 'text', text: 'Each Party ' }, bold, { type: 'hardBreak' }, { type: 'text', text: 'act.' }],
    );
    const art = b.article('Obligations', [p1]);
    const chapter = b.chapter('General', [art]);
    const doc = b.doc('My agreement', [
      b.preamble([b.paragraph('The Parties,'), b.recital('Recalling')]),
      chapter,
      b.paragraph('Done at Lima'),
    ]);
    const r = renderCanonical(doc, 'es');
    expect(r.title).toBe('My agreement');
    expect(r.problems).toEqual([]);
    expect(r.clauses.map(({ clauseId, ...c }) => ({ ...c, hasId: !!clauseId }))).toEqual([
      {
        kind: 'recital',
        number: '1',
        label: 'Considerando 1',
        path: 'recital.1',
        heading: null,
        text: 'Recalling',
        parentId: null,
        depth: 0,
        hasId: true,
      },
      {
        kind: 'chapter',
        number: 'I',
        label: 'Capítulo I',
        path: 'chapter.I',
        heading: 'General',
        text: '',
        parentId: null,
        depth: 0,
        hasId: true,
      },
      {
        kind: 'article',
        number: '1',
        label: 'Artículo 1',
        path: '1',
        heading: 'Obligations',
        text: '',
        parentId: chapter.attrs!.clauseId,
        depth: 1,
        hasId: true,
      },
      {
        kind: 'paragraph',
        number: '1',
        label: '1.',
        path: '1.1',
        heading: null,
        text: 'Each Party shall\nact.\nclosing words',
        parentId: art.attrs!.clauseId,
        depth: 2,
        hasId: true,
      },
      {
        kind: 'point',
        number: 'a',
        label: 'a)',
        path: '1.1.a',
        heading: null,
        text: 'first point',
        parentId: p1.attrs!.clauseId,
        depth: 3,
        hasId: true,
      },
    ]);
    expect(r.freeText.map((f) => f.text)).toEqual(['The Parties,', 'Done at Lima']);
    expect(r.tree).toBe(doc);
    expect(r.schemaVersion).toBe(2);
  });

  it('reports content that does not fit the schema, and still renders its text', () => {
    const art = b.article('A', [b.numberedParagraph('ok')]);
    const dup = b.article('B', [b.paragraph('dup')]);
    dup.attrs!.clauseId = art.attrs!.clauseId;
    const doc: JSONContent = b.doc('t', [
      art,
      dup,
      { type: 'blockquote', content: [b.paragraph('quoted text')] },
      b.article('C', [
        b.paragraph('', [
          {
            type: 'text',
            text: 'bad',
            marks: [{ type: 'underline' }, { type: 'link', attrs: { href: 'javascript:alert(1)' } }],
          },
        ]),
      ]),
      {
        type: 'numberedParagraph',
        attrs: { clauseId: 'abcdefghijk1', colour: 'red' },
        content: [b.article('nested', [b.paragraph('x')])],
      },
      b.objective('O', [
        b.action('act', {
          status: 'finished',
          startDate: '2025-02-30',
          endDate: '2024-01-01',
          leadOrganisations: ['ok'],
        }),
      ]),
    ]);
    const r = renderCanonical(doc, 'en');
    const codes = r.problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'duplicate_clause_id',
        'unknown_node_type',
        'unknown_mark_type',
        'disallowed_link',
        'invalid_content',
        'unknown_attribute',
        'invalid_attribute',
      ]),
    );
    expect(r.problems.find((p) => p.code === 'unknown_node_type')).toMatchObject({
      path: [3],
      nodeType: 'blockquote',
    });
    expect(r.problems.filter((p) => p.code === 'invalid_attribute').map((p) => p.message)).toEqual([
      'startDate must be an ISO date (YYYY-MM-DD)',
      'endDate is before startDate',
      'status must be one of planned, in_progress, done, blocked',
    ]);
    // nothing dropped: the unknown node's text is free text, the misplaced article still a clause
    expect(r.freeText.map((f) => f.text)).toContain('quoted text');
    expect(r.clauses.map((c) => c.heading)).toContain('nested');
    expect(r.clauses.find((c) => c.heading === 'C')!.text).toBe('bad');
  });

  it('finds a missing clause id and an incomplete node', () => {
    const art = b.article('A', []);
    delete art.attrs!.clauseId;
    const problems = validateDocument(b.doc('t', [art]));
    expect(problems.map((p) => p.code).sort()).toEqual(['invalid_content', 'missing_clause_id']);
  });
});

describe('fragmentToJson', () => {
  it('renders a document nested 20,000 deep (stored before the server refused it) without overflowing', () => {
    const ydoc = new Y.Doc();
    ydoc.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = ydoc.getXmlFragment('default');
      for (let i = 0; i < 20_000; i++) {
        const point: Y.XmlElement = new Y.XmlElement('point');
        parent.insert(0, [point]);
        parent = point;
      }
      parent.insert(0, [new Y.XmlText('deepest words')]);
    });
    const json = fragmentToJson(ydoc);
    const rendering = renderCanonical(json, 'en');
    expect(rendering.problems.some((p) => p.code === 'unknown_node_type')).toBe(true);
    expect(JSON.stringify(json)).toContain('deepest words');
  });

  it('reads the Yjs fragment the editor writes (y-tiptap) back to the same document', () => {
    for (const id of ['agreement', 'action_plan'] as const) {
      const json = templates[id].build({ language: 'pt' });
      json.content!.push(
        b.paragraph('', [
          { type: 'text', text: 'see ' },
          {
            type: 'text',
            text: 'site',
            marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'italic' }],
          },
        ]),
      );
      const ydoc = prosemirrorJSONToYDoc(policySchema, json, 'default');
      const back = fragmentToJson(ydoc);
      expect(normalized(back)).toEqual(normalized(json));
      expect(renderCanonical(back, 'pt')).toEqual({ ...renderCanonical(json, 'pt'), tree: back });
    }
  });

  it('keeps and reports content the schema does not know, without touching the Y.Doc', () => {
    const ydoc = prosemirrorJSONToYDoc(policySchema, templates.blank.build({ language: 'en' }), 'default');
    const fragment = ydoc.getXmlFragment('default');
    const unknown = new Y.XmlElement('futureNode');
    const text = new Y.XmlText();
    unknown.insert(0, [text]);
    text.insert(0, 'from a newer client', { highlight: { colour: 'yellow' } });
    fragment.insert(fragment.length, [unknown]);
    const before = Y.encodeStateAsUpdate(ydoc);

    const json = fragmentToJson(ydoc);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
    expect(json.content!.at(-1)).toEqual({
      type: 'futureNode',
      content: [
        {
          type: 'text',
          text: 'from a newer client',
          marks: [{ type: 'highlight', attrs: { colour: 'yellow' } }],
        },
      ],
    });
    const r = renderCanonical(json, 'en');
    expect(r.problems.map((p) => p.code).sort()).toEqual(['unknown_mark_type', 'unknown_node_type']);
    expect(r.freeText.map((f) => f.text)).toContain('from a newer client');

    // why not y-tiptap's schema-aware converter: it deletes what does not fit, from the Y.Doc itself
    yXmlFragmentToProseMirrorRootNode(fragment, policySchema);
    expect(fragment.toArray().some((el) => el instanceof Y.XmlElement && el.nodeName === 'futureNode')).toBe(
      false,
    );
  });
});
