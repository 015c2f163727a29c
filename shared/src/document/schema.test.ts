import { Editor, getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { STRUCTURAL_NODE_TYPES } from './clauseKinds.js';
import { importMarkdown } from './import/importMarkdown.js';
import { isAllowedLinkHref } from './isAllowedLinkHref.js';
import { policyExtensions } from './policyExtensions.js';
import { policySchema } from './policySchema.js';
import { renderCanonical } from './render/renderCanonical.js';
import { templates } from './templates/templates.js';

describe('policy schema', () => {
  it('builds in Node without a DOM and has exactly the policy node and mark types', () => {
    expect(Object.keys(getSchema(policyExtensions()).nodes)).toEqual(Object.keys(policySchema.nodes));
    expect(Object.keys(policySchema.nodes).sort()).toEqual(
      [
        'action',
        'annex',
        'article',
        'chapter',
        'clauseHeading',
        'doc',
        'hardBreak',
        'numberedParagraph',
        'objective',
        'paragraph',
        'point',
        'preamble',
        'recital',
        'text',
        'title',
      ].sort(),
    );
    expect(Object.keys(policySchema.marks).sort()).toEqual(['bold', 'bracketed', 'italic', 'link']);
    expect(policySchema.topNodeType.name).toBe('doc');
    for (const type of STRUCTURAL_NODE_TYPES)
      expect(policySchema.nodes[type]!.spec.attrs).toHaveProperty('clauseId');
  });

  it('has no editor history (Yjs provides undo) and no free headings or lists', () => {
    const editor = new Editor({
      element: null,
      extensions: policyExtensions(),
      content: templates.blank.build({ language: 'en' }),
    });
    const names = editor.extensionManager.extensions.map((e) => e.name);
    for (const absent of ['undoRedo', 'heading', 'bulletList', 'orderedList', 'codeBlock', 'trailingNode']) {
      expect(names).not.toContain(absent);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'clauseIds',
        'numbering',
        'policyCommands',
        'link',
        'bold',
        'italic',
        'hardBreak',
      ]),
    );
  });

  it('exposes the structure commands on a Tiptap editor (also chained)', () => {
    const editor = new Editor({
      element: null,
      extensions: policyExtensions(),
      content: templates.agreement.build({ language: 'en' }),
    });
    let purpose = 0;
    editor.state.doc.descendants((node, pos) => {
      if (!purpose && node.isText && node.text === 'Purpose') purpose = pos;
    });
    editor.commands.setTextSelection(purpose);
    expect(editor.can().moveArticleUp()).toBe(false);
    expect(editor.chain().moveArticleDown().insertParagraph().run()).toBe(true);
    const headings = renderCanonical(editor.getJSON(), 'en')
      .clauses.filter((c) => c.kind === 'article')
      .map((c) => c.heading);
    expect(headings.slice(0, 3)).toEqual(['Definitions', 'Purpose', 'Obligations']);
  });

  it('allows only http, https and mailto links', () => {
    for (const ok of [
      'https://example.org/a?b#c',
      'http://x.org',
      'mailto:someone@example.org',
      'HTTPS://EXAMPLE.ORG',
    ]) {
      expect(isAllowedLinkHref(ok)).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      'java\nscript:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'ftp://x.org',
      '/relative',
      'https://',
      'mailto:',
      '',
      null,
    ]) {
      expect(isAllowedLinkHref(bad)).toBe(false);
    }
  });

  it('imports pasted points without indentation: roman numerals become sub-points, "i)" after "h)" stays a letter', () => {
    const letters = 'abcdefghij'.split('').map((l) => `${l}) point ${l}`);
    const md = [
      '# T',
      '',
      'Article 1',
      '',
      '1. Lead:',
      ...letters.slice(0, 2),
      'i) sub',
      'ii) sub',
      ...letters.slice(2),
    ].join('\n');
    const r = renderCanonical(importMarkdown(md).json, 'en');
    expect(r.clauses.map((c) => c.path)).toEqual([
      '1',
      '1.1',
      '1.1.a',
      '1.1.b',
      '1.1.b.i',
      '1.1.b.ii',
      '1.1.c',
      '1.1.d',
      '1.1.e',
      '1.1.f',
      '1.1.g',
      '1.1.h',
      '1.1.i',
      '1.1.j',
    ]);
  });
});
