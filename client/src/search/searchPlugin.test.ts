import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { importMarkdown, policySchema } from '@accord/shared';
import { findTextMatches } from './findTextMatches';
import { searchKey, searchPlugin, type SearchAction } from './searchPlugin';

const markdown = [
  '# Acuerdo',
  '',
  'Artículo 1 — Participación',
  '',
  '1. La participación pública es un derecho.',
  '',
  'Artículo 2 — Acceso',
  '',
  '1. PARTICIPACION y acceso.',
].join('\n');

function stateWith(query: string) {
  const doc = policySchema.nodeFromJSON(importMarkdown(markdown).json);
  let state = EditorState.create({ doc, plugins: [searchPlugin()] });
  const act = (action: SearchAction) => {
    state = state.apply(state.tr.setMeta(searchKey, action));
    return searchKey.getState(state)!;
  };
  return { act, get: () => state, first: act({ type: 'query', query }) };
}

describe('find in the document', () => {
  it('finds every match in headings and clause text, without accents or case, at their positions', () => {
    const { get, first } = stateWith('participacion');
    expect(first.matches).toHaveLength(3);
    expect(first.matches.map((m) => get().doc.textBetween(m.from, m.to))).toEqual([
      'Participación',
      'participación',
      'PARTICIPACION',
    ]);
    expect(first.current).toBe(0);
  });

  it('steps to the next and previous match, wrapping around, and clears', () => {
    const { act } = stateWith('participacion');
    expect(act({ type: 'step', by: 1 }).current).toBe(1);
    expect(act({ type: 'step', by: 1 }).current).toBe(2);
    expect(act({ type: 'step', by: 1 }).current).toBe(0);
    expect(act({ type: 'step', by: -1 }).current).toBe(2);
    const cleared = act({ type: 'clear' });
    expect(cleared.matches).toEqual([]);
    expect(cleared.decorations.find()).toEqual([]);
  });

  it('marks the current match apart from the others', () => {
    const { first } = stateWith('acceso');
    const decorations = first.decorations.find();
    expect(decorations).toHaveLength(2);
    expect(
      decorations.filter((d) => (d as any).type.attrs.class.includes('search-match--current')),
    ).toHaveLength(1);
  });

  it('finds matches again when the text changes', () => {
    const { get, act } = stateWith('derecho');
    const state = get();
    const at = findTextMatches(state.doc, 'derecho')[0]!;
    const next = state.apply(state.tr.insertText(' y un derecho', at.to));
    expect(searchKey.getState(next)!.matches).toHaveLength(2);
    expect(act({ type: 'query', query: '   ' }).matches).toEqual([]);
  });
});
