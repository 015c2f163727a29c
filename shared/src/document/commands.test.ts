import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, NodeSelection, TextSelection, type Command } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { demoteClause } from './commands/demoteClause.js';
import { insertClause } from './commands/insertClause.js';
import { leaveHeading } from './commands/leaveHeading.js';
import { moveClause } from './commands/moveClause.js';
import { promoteClause } from './commands/promoteClause.js';
import { clauseIdsPlugin } from './ids/clauseIdsPlugin.js';
import { isValidClauseId } from './ids/base62.js';
import { structuralNodesInDoc } from './ids/structuralNodesInDoc.js';
import { getNumbering, numberingPlugin } from './numbering/Numbering.js';
import { computeNumbering } from './numbering/computeNumbering.js';
import { policySchema } from './policySchema.js';
import { buildNodes as b } from './templates/buildNodes.js';

// Commands are plain ProseMirror commands: tested on an EditorState, no DOM and no Editor.
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

function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | null = null;
  const ok = command(state, (tr) => (next = state.apply(tr)));
  if (!ok || !next) throw new Error('command refused');
  return next;
}

const outline = (state: EditorState) =>
  structuralNodesInDoc(state.doc).map(({ node }) => {
    const number = getNumbering(state)!.numbers.get(node.attrs.clauseId);
    return `${number?.label}:${node.isTextblock ? node.textContent : node.firstChild?.textContent}`;
  });

const ids = (state: EditorState) =>
  structuralNodesInDoc(state.doc).map(({ node }) => node.attrs.clauseId as string);

function agreement() {
  const arts = ['one', 'two', 'three'].map((h) => b.article(h, [b.numberedParagraph(`${h} text`)]));
  const later = b.article('four', [b.numberedParagraph('four text')]);
  return b.doc('t', [b.chapter('Chapter one', arts), b.chapter('Chapter two', [later])]);
}

describe('editing commands', () => {
  it('insertArticle adds an article after the current one, with a new id, and renumbers', () => {
    let state = cursorAt(stateOf(agreement()), 'one text');
    state = run(state, insertClause('article'));
    expect(outline(state).filter((l) => l.startsWith('Article'))).toEqual([
      'Article 1:one',
      'Article 2:',
      'Article 3:two',
      'Article 4:three',
      'Article 5:four',
    ]);
    expect(state.selection.$from.parent.type.name).toBe('clauseHeading');
    expect(ids(state).every(isValidClauseId)).toBe(true);
    expect(new Set(ids(state)).size).toBe(ids(state).length);
  });

  it('insertChapter, insertParagraph, insertPoint', () => {
    let state = cursorAt(stateOf(agreement()), 'two text');
    state = run(state, insertClause('paragraph'));
    state = run(state, insertClause('point'));
    state = run(state, insertClause('point'));
    expect(outline(state).slice(3, 8)).toEqual(['Article 2:two', '1.:two text', '2.:', 'a):', 'b):']);
    state = run(cursorAt(state, 'four text'), insertClause('chapter'));
    expect(outline(state).filter((l) => l.startsWith('Chapter'))).toEqual([
      'Chapter I:Chapter one',
      'Chapter II:Chapter two',
      'Chapter III:',
    ]);
  });

  it('insertAction works in an objective and nowhere else', () => {
    let state = cursorAt(
      stateOf(b.doc('plan', [b.objective('Access', [b.action('Train paralegals')])])),
      'Train',
    );
    state = run(state, insertClause('action'));
    expect(outline(state)).toEqual(['Objective 1:Access', 'Action 1.1:Train paralegals', 'Action 1.2:']);
    const agreementState = cursorAt(stateOf(agreement()), 'one text');
    expect(insertClause('action')(agreementState)).toBe(false);
  });

  it('demote turns a paragraph into a point of the previous one; promote undoes it; ids kept', () => {
    const json = b.doc('t', [
      b.article('A', [
        b.numberedParagraph('first'),
        b.numberedParagraph('second'),
        b.numberedParagraph('third'),
      ]),
    ]);
    let state = cursorAt(stateOf(json), 'second');
    const before = ids(state);
    state = run(state, demoteClause);
    expect(outline(state)).toEqual(['Article 1:A', '1.:first', 'a):second', '2.:third']);
    expect(ids(state)).toEqual(before);
    state = run(state, promoteClause);
    expect(outline(state)).toEqual(['Article 1:A', '1.:first', '2.:second', '3.:third']);
    expect(ids(state)).toEqual(before);
    // the first paragraph has nothing to go into
    expect(demoteClause(cursorAt(state, 'first'))).toBe(false);
  });

  it('promote takes the following points along as sub-points', () => {
    const json = b.doc('t', [
      b.article('A', [b.numberedParagraph('lead', [b.point('pa'), b.point('pb'), b.point('pc')])]),
    ]);
    let state = cursorAt(stateOf(json), 'pb');
    state = run(state, promoteClause);
    expect(outline(state)).toEqual(['Article 1:A', '1.:lead', 'a):pa', '2.:pb', 'a):pc']);
    expect(demoteClause(cursorAt(state, 'pc'))).toBe(false); // no point before it inside "2."
  });

  it('moveArticleDown / Up move the whole article, keep every id and renumber', () => {
    let state = cursorAt(stateOf(agreement()), 'one text');
    const before = new Set(ids(state));
    state = run(state, moveClause('article', 'down'));
    expect(outline(state).filter((l) => l.startsWith('Article'))).toEqual([
      'Article 1:two',
      'Article 2:one',
      'Article 3:three',
      'Article 4:four',
    ]);
    expect(new Set(ids(state))).toEqual(before);
    expect(state.selection.$from.parent.textContent).toBe('one text'); // cursor travels with it
    // across the chapter boundary: last article of chapter I → first of chapter II
    state = run(cursorAt(state, 'three text'), moveClause('article', 'down'));
    expect(outline(state)).toEqual([
      'Chapter I:Chapter one',
      'Article 1:two',
      '1.:two text',
      'Article 2:one',
      '1.:one text',
      'Chapter II:Chapter two',
      'Article 3:three',
      '1.:three text',
      'Article 4:four',
      '1.:four text',
    ]);
    state = run(cursorAt(state, 'three text'), moveClause('article', 'up'));
    state = run(cursorAt(state, 'one text'), moveClause('article', 'up'));
    expect(outline(state).filter((l) => l.startsWith('Article'))).toEqual([
      'Article 1:one',
      'Article 2:two',
      'Article 3:three',
      'Article 4:four',
    ]);
    expect(new Set(ids(state))).toEqual(before);
    expect(moveClause('article', 'up')(cursorAt(state, 'one text'))).toBe(false);
  });

  it('live numbering equals computeNumbering of the same document (also after typing)', () => {
    let state = cursorAt(stateOf(agreement()), 'two text');
    state = state.apply(state.tr.insertText('more '));
    state = run(state, moveClause('article', 'up'));
    const live = getNumbering(state)!.numbers;
    expect([...live]).toEqual([...computeNumbering(state.doc.toJSON(), 'en')]);
    expect(getNumbering(state)!.decorations.find().length).toBe(live.size);
  });

  it('a selected article (node selection, e.g. from the outline) can be moved', () => {
    let state = stateOf(agreement());
    const second = structuralNodesInDoc(state.doc).filter(({ node }) => node.type.name === 'article')[1]!;
    state = state.apply(state.tr.setSelection(NodeSelection.create(state.doc, second.pos)));
    state = run(state, moveClause('article', 'up'));
    expect(outline(state)[1]).toBe('Article 1:two');
  });

  it('Enter in a heading moves to the text below, or creates the first article of an empty chapter', () => {
    let state = cursorAt(
      stateOf(b.doc('t', [b.article('Purpose', [b.numberedParagraph('body')])])),
      'Purpose',
    );
    state = run(state, leaveHeading);
    expect(state.selection.$from.parent.textContent).toBe('body');
    const empty = b.doc('t', [b.chapter('Empty', [])]);
    state = run(cursorAt(stateOf(empty), 'Empty'), leaveHeading);
    expect(outline(state)).toEqual(['Chapter I:Empty', 'Article 1:', '1.:']);
  });
});

describe('moveClauseTo (outline drag and drop)', () => {
  it('moves an article before another, into another chapter, keeps ids, refuses nonsense', async () => {
    const { moveClauseTo } = await import('./commands/moveClauseTo.js');
    const json = agreement();
    const [ch1, ch2] = json.content!.slice(1) as JSONContent[];
    const [one, , three] = ch1!.content!.slice(1) as JSONContent[];
    const four = ch2!.content![1]!;
    const id = (n: JSONContent) => n.attrs!.clauseId as string;
    let state = stateOf(json);
    const before = new Set(ids(state));
    state = run(state, moveClauseTo(id(three), id(one), 'before'));
    state = run(state, moveClauseTo(id(one), id(four), 'after'));
    expect(outline(state).filter((l) => l.startsWith('Article'))).toEqual([
      'Article 1:three',
      'Article 2:two',
      'Article 3:four',
      'Article 4:one',
    ]);
    state = run(state, moveClauseTo(id(four), id(ch1!), 'inside'));
    expect(outline(state).filter((l) => /^(Article|Chapter)/.test(l))).toEqual([
      'Chapter I:Chapter one',
      'Article 1:three',
      'Article 2:two',
      'Article 3:four',
      'Chapter II:Chapter two',
      'Article 4:one',
    ]);
    expect(new Set(ids(state))).toEqual(before);
    expect(state.selection).toBeInstanceOf(NodeSelection);
    const para = ch1!.content![1]!.content![1]!;
    expect(moveClauseTo(id(one), id(para), 'inside')(state)).toBe(false); // article into a paragraph
    expect(moveClauseTo(id(ch1!), id(three), 'before')(state)).toBe(false); // into itself
  });
});

describe('isTextOnlyChange (what lets numbering, clause ids and the toolbar skip their walks)', () => {
  it('is true for typing and deleting inside one textblock, false for anything structural', async () => {
    const { isTextOnlyChange } = await import('./numbering/isTextOnlyChange.js');
    const state = cursorAt(stateOf(agreement()), 'two text');
    const pos = state.selection.from;
    expect(isTextOnlyChange(state.tr.insertText('more '))).toBe(true);
    expect(isTextOnlyChange(state.tr.insertText('a').insertText('b'))).toBe(true);
    expect(isTextOnlyChange(state.tr.delete(pos, pos + 3))).toBe(true);
    expect(isTextOnlyChange(state.tr.addMark(pos, pos + 3, policySchema.marks.bold!.create()))).toBe(false);
    expect(isTextOnlyChange(state.tr.split(pos))).toBe(false);
    // deleting across two textblocks joins them
    const other = cursorAt(state, 'three text').selection.from;
    expect(isTextOnlyChange(state.tr.delete(pos, other))).toBe(false);
    let inserted: boolean | null = null;
    insertClause('article')(state, (tr) => (inserted = isTextOnlyChange(tr)));
    expect(inserted).toBe(false);
    const article = structuralNodesInDoc(state.doc).find(({ node }) => node.type.name === 'article')!;
    expect(isTextOnlyChange(state.tr.setNodeAttribute(article.pos, 'clauseId', 'x'))).toBe(false);
  });
});
