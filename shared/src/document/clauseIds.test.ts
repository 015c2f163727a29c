import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { splitBlock } from '@tiptap/pm/commands';
import { describe, expect, it } from 'vitest';
import { splitClause } from './commands/splitClause.js';
import { clauseIdsPlugin } from './ids/clauseIdsPlugin.js';
import { deriveClauseId } from './ids/deriveClauseId.js';
import { isValidClauseId } from './ids/base62.js';
import { newClauseId } from './ids/newClauseId.js';
import { repairClauseIds } from './ids/repairClauseIds.js';
import { structuralNodesInDoc } from './ids/structuralNodesInDoc.js';
import { structuralNodesInJson } from './ids/structuralNodesInJson.js';
import { policySchema } from './policySchema.js';
import { buildNodes as b } from './templates/buildNodes.js';

const ids = (json: JSONContent) =>
  structuralNodesInJson(json).map(({ node }) => node.attrs?.clauseId as unknown);
const docIds = (doc: PMNode) => structuralNodesInDoc(doc).map(({ node }) => node.attrs.clauseId as string);

function stateOf(json: JSONContent) {
  return EditorState.create({
    schema: policySchema,
    doc: PMNode.fromJSON(policySchema, json),
    plugins: [clauseIdsPlugin()],
  });
}

/** Position just inside the textblock that contains `text`. */
function posOf(doc: PMNode, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text))
      found = pos + node.text!.indexOf(text) + offset;
  });
  if (found < 0) throw new Error(`text ${text} not found`);
  return found;
}

describe('clause ids', () => {
  it('are random 12-character base62 strings', () => {
    const generated = new Set(Array.from({ length: 2000 }, newClauseId));
    expect(generated.size).toBe(2000);
    for (const id of generated) expect(id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(isValidClauseId('__proto__')).toBe(false);
    expect(deriveClauseId('x@3')).toBe(deriveClauseId('x@3'));
    expect(deriveClauseId('x@3')).not.toBe(deriveClauseId('x@4'));
  });

  it('repairClauseIds: first occurrence keeps the id; repairs are deterministic and unique', () => {
    const a = b.article('A', [b.numberedParagraph('one'), b.numberedParagraph('two')]);
    const copy = structuredClone(a); // a pasted/concurrently duplicated article: same ids
    const c = b.article('C', [b.paragraph('c')]);
    delete c.attrs!.clauseId;
    const doc = b.doc('t', [a, copy, c]);
    const before = JSON.stringify(doc);

    const first = repairClauseIds(doc);
    const second = repairClauseIds(doc);
    expect(JSON.stringify(doc)).toBe(before); // input untouched
    expect(first).toEqual(second); // two servers agree
    const repaired = ids(first.json) as string[];
    expect(new Set(repaired).size).toBe(repaired.length);
    expect(repaired.every(isValidClauseId)).toBe(true);
    expect(repaired.slice(0, 3)).toEqual(ids(a)); // the original keeps all its ids
    expect(first.repairs.map((r) => r.reason)).toEqual(['duplicate', 'duplicate', 'duplicate', 'missing']);
    expect(first.repairs[0]).toMatchObject({ path: [2], nodeType: 'article', oldId: a.attrs!.clauseId });
    // nothing to do on a clean document
    expect(repairClauseIds(first.json).repairs).toEqual([]);
  });

  it('the editor plugin assigns missing ids and de-duplicates after any change', () => {
    const a = b.article('A', [b.numberedParagraph('one')]);
    const dup = structuredClone(a);
    const fresh = b.article('F', [b.numberedParagraph('f')]);
    delete fresh.attrs!.clauseId;
    let state = stateOf(b.doc('t', [a]));
    const insertAt = state.doc.content.size;
    state = state.apply(
      state.tr.insert(insertAt, [PMNode.fromJSON(policySchema, dup), PMNode.fromJSON(policySchema, fresh)]),
    );
    const after = docIds(state.doc);
    expect(after).toHaveLength(6);
    expect(new Set(after).size).toBe(6);
    expect(after.slice(0, 2)).toEqual(ids(a));
    // the duplicate got the same id a server repair would give
    expect(after[2]).toBe(repairClauseIds(b.doc('t', [a, dup])).json.content![2]!.attrs!.clauseId);
  });

  it('Enter in a paragraph (splitClause) gives the new second paragraph a new id', () => {
    const para = b.numberedParagraph('hello world', [b.point('x')]);
    const art = b.article('A', [para]);
    let state = stateOf(b.doc('t', [art]));
    const pos = posOf(state.doc, 'world');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
    let next = state;
    expect(splitClause(state, (tr) => (next = state.apply(tr)))).toBe(true);
    const nodes = structuralNodesInDoc(next.doc);
    const paragraphs = nodes.filter(({ node }) => node.type.name === 'numberedParagraph');
    expect(paragraphs.map(({ node }) => node.textContent)).toEqual(['hello ', 'worldx']);
    expect(paragraphs[0]!.node.attrs.clauseId).toBe(para.attrs!.clauseId);
    expect(isValidClauseId(paragraphs[1]!.node.attrs.clauseId)).toBe(true);
    expect(paragraphs[1]!.node.attrs.clauseId).not.toBe(para.attrs!.clauseId);
    // the point moved with the second half and kept its id
    expect(docIds(next.doc)).toContain(ids(para)[1]);
    expect(new Set(docIds(next.doc)).size).toBe(docIds(next.doc).length);
  });

  it('a ProseMirror split that copies attributes (recital) still ends with unique ids', () => {
    const r = b.recital('Recognizing that');
    let state = stateOf(b.doc('t', [b.preamble([r])]));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state.doc, 'that'))));
    let next = state;
    expect(splitBlock(state, (tr) => (next = state.apply(tr)))).toBe(true);
    const recitals = structuralNodesInDoc(next.doc);
    expect(recitals.map(({ node }) => node.textContent)).toEqual(['Recognizing ', 'that']);
    expect(recitals[0]!.node.attrs.clauseId).toBe(r.attrs!.clauseId);
    expect(recitals[1]!.node.attrs.clauseId).not.toBe(r.attrs!.clauseId);
  });
});
