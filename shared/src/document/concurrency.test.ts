import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command } from '@tiptap/pm/state';
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { insertClause } from './commands/insertClause.js';
import { moveClause } from './commands/moveClause.js';
import { splitClause } from './commands/splitClause.js';
import { clauseIdsPlugin } from './ids/clauseIdsPlugin.js';
import { repairClauseIds } from './ids/repairClauseIds.js';
import { structuralNodesInJson } from './ids/structuralNodesInJson.js';
import { policySchema } from './policySchema.js';
import { fragmentToJson } from './render/fragmentToJson.js';
import { renderCanonical } from './render/renderCanonical.js';
import { buildNodes as b } from './templates/buildNodes.js';

// Two editors on two Y.Docs, bound the way y-tiptap's sync plugin binds them (initProseMirrorDoc /
// updateYFragment), editing concurrently and then exchanging updates — no DOM needed.
function client(seed: Uint8Array) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, seed);
  const fragment = ydoc.getXmlFragment('default');
  const { doc, meta } = initProseMirrorDoc(fragment, policySchema);
  let state = EditorState.create({ schema: policySchema, doc, plugins: [clauseIdsPlugin()] });
  return {
    ydoc,
    edit(text: string, command: Command) {
      let pos = -1;
      state.doc.descendants((node, p) => {
        if (pos < 0 && node.isText && node.text!.includes(text)) pos = p + node.text!.indexOf(text);
      });
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
      expect(command(state, (tr) => (state = state.applyTransaction(tr).state))).toBe(true);
      ydoc.transact(() => updateYFragment(ydoc, fragment, state.doc as PMNode, meta));
    },
  };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const ids = (json: JSONContent) =>
  structuralNodesInJson(json).map(({ node }) => node.attrs!.clauseId as string);

describe('concurrent edits through Yjs', () => {
  const seedDoc = () =>
    b.doc('t', [
      b.chapter(
        'One',
        ['alpha', 'beta', 'gamma'].map((h) => b.article(h, [b.numberedParagraph(`${h} text`)])),
      ),
    ]);

  it('concurrent inserts and splits converge to a valid document with unique ids; untouched ids stay', () => {
    const seed = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(policySchema, seedDoc(), 'default'));
    const original = ids(
      fragmentToJson(
        (() => {
          const d = new Y.Doc();
          Y.applyUpdate(d, seed);
          return d;
        })(),
      ),
    );
    const a = client(seed);
    const c = client(seed);
    a.edit('alpha text', insertClause('article'));
    c.edit('alpha text', insertClause('article'));
    a.edit('beta te', splitClause);
    c.edit('gamma', moveClause('article', 'up'));
    sync(a.ydoc, c.ydoc);
    const ja = fragmentToJson(a.ydoc);
    expect(ja).toEqual(fragmentToJson(c.ydoc));
    const r = renderCanonical(ja, 'en');
    expect(r.problems).toEqual([]);
    expect(r.clauses.filter((x) => x.kind === 'article')).toHaveLength(5);
    expect(new Set(ids(ja)).size).toBe(ids(ja).length);
    for (const id of original) expect(ids(ja)).toContain(id);
  });

  it('the same article moved by two people at once: duplicated, then repaired identically everywhere', () => {
    const seed = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(policySchema, seedDoc(), 'default'));
    const a = client(seed);
    const c = client(seed);
    a.edit('alpha text', moveClause('article', 'down'));
    c.edit('alpha text', moveClause('article', 'down'));
    c.edit('alpha text', moveClause('article', 'down'));
    sync(a.ydoc, c.ydoc);
    const merged = fragmentToJson(a.ydoc);
    const dupes = renderCanonical(merged, 'en').problems.filter((p) => p.code === 'duplicate_clause_id');
    expect(dupes.length).toBeGreaterThan(0); // Yjs has no move: both copies of "alpha" survive
    const ra = repairClauseIds(merged);
    const rc = repairClauseIds(fragmentToJson(c.ydoc));
    expect(ra).toEqual(rc);
    expect(renderCanonical(ra.json, 'en').problems).toEqual([]);
  });
});
