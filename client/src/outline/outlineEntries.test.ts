import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { numberingPlugin, policySchema, templates } from '@accord/shared';
import { outlineEntries, sameOutline } from './outlineEntries';

const stateOf = (language: 'en' | 'fr', template: 'agreement' | 'action_plan' = 'agreement') =>
  EditorState.create({
    doc: policySchema.nodeFromJSON(templates[template].build({ language })),
    plugins: [numberingPlugin(language)],
  });

describe('outlineEntries', () => {
  it('lists chapters and their articles with live numbers and headings, and counts every clause', () => {
    const { entries, counts } = outlineEntries(stateOf('en'));
    const chapters = entries.filter((e) => e.kind === 'chapter');
    const articles = entries.filter((e) => e.kind === 'article');
    expect(chapters.map((e) => e.label)).toEqual(['Chapter I', 'Chapter II', 'Chapter III']);
    expect(articles.map((e) => e.label)).toEqual([
      'Article 1',
      'Article 2',
      'Article 3',
      'Article 4',
      'Article 5',
    ]);
    expect(articles[0]).toMatchObject({ heading: 'Purpose', level: 2, parentId: chapters[0]!.clauseId });
    expect(counts.article).toBe(5);
    expect(counts.chapter).toBe(3);
    expect(counts.point).toBeGreaterThan(0);
    // positions point at the clause
    const state = stateOf('en');
    const first = outlineEntries(state).entries.find((e) => e.kind === 'article')!;
    expect(state.doc.nodeAt(first.pos)?.attrs.clauseId).toBe(first.clauseId);
  });

  it('follows the document language and nests actions under objectives', () => {
    expect(outlineEntries(stateOf('fr')).entries.find((e) => e.kind === 'article')?.label).toBe(
      'Article premier',
    );
    const plan = outlineEntries(stateOf('en', 'action_plan')).entries;
    expect(plan.map((e) => [e.label, e.level])).toEqual([
      ['Objective 1', 1],
      ['Action 1.1', 2],
      ['Action 1.2', 2],
      ['Objective 2', 1],
      ['Action 2.1', 2],
    ]);
  });

  it('sees no change when only body text changed', () => {
    const state = stateOf('en');
    const paragraph = outlineEntries(state).entries.find((e) => e.kind === 'article')!;
    // type into the article's body (after its heading)
    const heading = state.doc.nodeAt(paragraph.pos)!.firstChild!;
    const bodyStart = paragraph.pos + 1 + heading.nodeSize + 1;
    const typed = state.apply(state.tr.insertText('x', bodyStart + 1));
    expect(sameOutline(outlineEntries(state), outlineEntries(typed))).toBe(true);
    const renamed = state.apply(state.tr.insertText('!', paragraph.pos + 2));
    expect(sameOutline(outlineEntries(state), outlineEntries(renamed))).toBe(false);
  });
});
