import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import {
  buildNodes as b,
  clauseIdsPlugin,
  getNumbering,
  numberingPlugin,
  policySchema,
  structuralNodesInDoc,
} from '@accord/shared';
import { clauseToDelete } from './clauseToDelete';
import { deleteClause, deleteEmptyClause } from './deleteClause';

function stateOf(json: JSONContent) {
  return EditorState.create({
    schema: policySchema,
    doc: PMNode.fromJSON(policySchema, json),
    plugins: [clauseIdsPlugin(), numberingPlugin('en')],
  });
}

function cursorAt(state: EditorState, text: string): EditorState {
  let pos = -1;
  state.doc.descendants((node, p) => {
    if (pos < 0 && node.isText && node.text!.includes(text)) pos = p + node.text!.indexOf(text);
  });
  if (pos < 0) throw new Error(`no ${text}`);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

function run(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

const outline = (state: EditorState) =>
  structuralNodesInDoc(state.doc).map(({ node }) => {
    const number = getNumbering(state)!.numbers.get(node.attrs.clauseId);
    return `${number?.label}:${node.isTextblock ? node.textContent : node.firstChild?.textContent}`;
  });

const agreement = () =>
  b.doc('t', [
    b.chapter('Chapter one', [
      b.article('one', [b.paragraph('one text')]),
      b.article('two', [b.numberedParagraph('two first'), b.numberedParagraph('two second')]),
    ]),
    b.chapter('Chapter two', [b.article('three', [b.paragraph('three text')])]),
  ]);

describe('deleting clauses', () => {
  it('deletes the innermost clause the document can do without, and renumbers', () => {
    let state = cursorAt(stateOf(agreement()), 'two first');
    expect(clauseToDelete(state)?.node.type.name).toBe('numberedParagraph');
    state = run(state, deleteClause())!;
    expect(outline(state)).toEqual([
      'Chapter I:Chapter one',
      'Article 1:one',
      'Article 2:two',
      '1.:two second',
      'Chapter II:Chapter two',
      'Article 3:three',
    ]);
    // an article's only body goes with the article
    state = cursorAt(state, 'one text');
    expect(clauseToDelete(state)?.node.type.name).toBe('article');
    state = run(state, deleteClause())!;
    expect(outline(state).filter((line) => line.startsWith('Article'))).toEqual([
      'Article 1:two',
      'Article 2:three',
    ]);
  });

  it('deletes a clause by id, and asks nothing of a dry run', () => {
    const state = stateOf(agreement());
    const three = structuralNodesInDoc(state.doc).find(
      ({ node }) => node.firstChild?.textContent === 'three',
    )!;
    const id = three.node.attrs.clauseId as string;
    expect(deleteClause(id)(state)).toBe(true);
    const next = run(state, deleteClause(id))!;
    expect(outline(next).filter((line) => line.startsWith('Article'))).toEqual([
      'Article 1:one',
      'Article 2:two',
    ]);
    expect(deleteClause('nonexistent00')(state)).toBe(false);
  });

  it('Backspace removes an empty clause, and only an empty one', () => {
    const empty = b.doc('t', [
      b.chapter('Chapter one', [
        b.article('one', [b.paragraph('one text')]),
        b.article('', [b.paragraph('')]),
      ]),
    ]);
    let state = stateOf(empty);
    // the caret in the empty article's heading
    const article = structuralNodesInDoc(state.doc).filter(({ node }) => node.type.name === 'article')[1]!;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, article.pos + 2)));
    state = run(state, deleteEmptyClause)!;
    expect(outline(state)).toEqual(['Chapter I:Chapter one', 'Article 1:one']);
    // the caret ends where the text before it ended
    expect(state.selection.$from.parent.textContent).toBe('one text');
    // with text, Backspace is left to the editor
    expect(run(cursorAt(state, 'one text'), deleteEmptyClause)).toBeNull();
  });
});
