import { describe, expect, it } from 'vitest';
import { detectStructureLine } from './import/detectStructureLine.js';
import { importMarkdown } from './import/importMarkdown.js';
import { parseInlineMarkdown } from './import/parseInlineMarkdown.js';
import { policySchema } from './policySchema.js';
import { renderCanonical } from './render/renderCanonical.js';

function bigAgreement(): string {
  const lines = [
    '# Regional Agreement on Access to Justice',
    '',
    'The Parties to this Agreement,',
    '',
    'Recognizing that access to justice is a right,',
    '',
    '*Recalling* the [Escazú Agreement](https://example.org/escazu),',
    '',
    'Have agreed as follows:',
    '',
  ];
  let article = 0;
  for (const [c, chapter] of ['I', 'II', 'III', 'IV'].entries()) {
    lines.push(`## Chapter ${chapter} — Part ${c + 1}`, '');
    for (let i = 0; i < 11; i++) {
      article++;
      // vary the styles a drafter or a word processor produces
      const style = article % 3;
      if (style === 0) lines.push(`### Article ${article} — Heading ${article}`, '');
      else if (style === 1) lines.push(`**Article ${article}**`, '', `Heading ${article}`, '');
      else lines.push(`Article ${article}. Heading ${article}`, '');
      if (article % 2 === 0) {
        lines.push(`1. First paragraph of article ${article}.`, `2. Second paragraph of article ${article}:`);
        lines.push('   a) point a;', '   b) point b, with', '      i) sub one;', '      ii) sub two.');
        lines.push(`3. Third paragraph of article ${article}.`, '');
      } else {
        lines.push(`The only paragraph of article ${article}.`, '');
      }
    }
  }
  lines.push('Done at Santiago, on 4 March 2018, in English, French, Portuguese and Spanish.');
  return lines.join('\n');
}

describe('importMarkdown', () => {
  it('imports an agreement with 44 articles in 4 chapters, paragraphs, points and sub-points', () => {
    const { json, summary } = importMarkdown(bigAgreement());
    expect(summary.problems).toEqual([]);
    expect(() => policySchema.nodeFromJSON(json).check()).not.toThrow();
    expect(summary.title).toBe('Regional Agreement on Access to Justice');
    expect(summary.counts).toEqual({
      recitals: 2,
      chapters: 4,
      articles: 44,
      paragraphs: 22 * 3,
      points: 22 * 4,
      objectives: 0,
      actions: 0,
      annexes: 0,
    });
    expect(summary.warnings).toEqual([]);
    const r = renderCanonical(json, 'en');
    const byPath = new Map(r.clauses.map((c) => [c.path, c]));
    expect(byPath.get('chapter.IV')).toMatchObject({ label: 'Chapter IV', heading: 'Part 4' });
    for (let n = 1; n <= 44; n++)
      expect(byPath.get(String(n))).toMatchObject({ label: `Article ${n}`, heading: `Heading ${n}` });
    expect(byPath.get('1')!.text).toBe('The only paragraph of article 1.');
    expect(byPath.get('44.2')!.text).toBe('Second paragraph of article 44:');
    expect(byPath.get('44.2.b')!.text).toBe('point b, with');
    expect(byPath.get('44.2.b.ii')!.text).toBe('sub two.');
    expect(byPath.get('44.3')!.text).toBe('Third paragraph of article 44.');
    expect(byPath.get('12')!.parentId).toBe(byPath.get('chapter.II')!.clauseId);
    expect(r.freeText.map((f) => f.text)).toEqual([
      'The Parties to this Agreement,',
      'Have agreed as follows:',
      'Done at Santiago, on 4 March 2018, in English, French, Portuguese and Spanish.',
    ]);
    const recital = json.content![1]!.content![2]!;
    expect(recital.content).toEqual([
      { type: 'text', text: 'Recalling', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' the ' },
      {
        type: 'text',
        text: 'Escazú Agreement',
        marks: [{ type: 'link', attrs: { href: 'https://example.org/escazu' } }],
      },
      { type: 'text', text: ',' },
    ]);
  });

  it('recognises Spanish, Portuguese and French article and chapter lines', () => {
    const md = [
      'Acuerdo regional',
      '',
      'CAPÍTULO I',
      'Disposiciones generales',
      '',
      'ARTÍCULO 1. Objetivo',
      'El objetivo es …',
      '',
      'Artigo 2.º - Definições',
      '',
      'a) primeira;',
      'b) segunda.',
      '',
      'Chapitre II : Dispositions finales',
      '',
      'Article 3 — Entrée en vigueur',
      '',
      '1. Le présent accord …',
    ].join('\n');
    const { json, summary } = importMarkdown(md);
    expect(summary.problems).toEqual([]);
    expect(summary.counts).toMatchObject({ chapters: 2, articles: 3, paragraphs: 1, points: 2 });
    const r = renderCanonical(json, 'fr');
    expect(r.title).toBe('Acuerdo regional');
    expect(r.clauses.map((c) => `${c.label}|${c.heading ?? c.text}`)).toEqual([
      'Chapitre premier|Disposiciones generales',
      'Article premier|Objetivo',
      'Article 2|Definições',
      'a)|primeira;',
      'b)|segunda.',
      'Chapitre II|Dispositions finales',
      'Article 3|Entrée en vigueur',
      '1.|Le présent accord …',
    ]);
    expect(r.clauses[1]!.text).toBe('El objetivo es …');
  });

  it('turns plain headings into articles when there are no "Article" lines, and reports numbering gaps', () => {
    const plain = importMarkdown('# Plan\n\n## Scope\n\nText.\n\n## Duties\n\n1. One.\n2. Two.\n');
    expect(plain.summary.counts).toMatchObject({ articles: 2, paragraphs: 2 });
    const gap = importMarkdown('# T\n\nArticle 1 - A\n\nx\n\nArticle 3 - C\n\ny\n');
    expect(gap.summary.warnings).toEqual(['Article 3 follows article 1 in the source; it is now article 2.']);
  });

  it('imports objectives and actions with their fields', () => {
    const md = [
      '# Paralegal action plan',
      'Objective 1: Recognise community paralegals',
      'Action 1.1 — Draft a model law',
      'Lead: Namati; Legal Aid Board',
      'Partners: Ministry of Justice',
      'Timeline: 2026-01-01 to 2026-12-31',
      'Indicator: model law adopted',
      'Status: in progress',
      '',
      'A short description.',
    ].join('\n');
    const { json, summary } = importMarkdown(md);
    expect(summary.problems).toEqual([]);
    const action = json.content![1]!.content![1]!;
    expect(action.attrs).toMatchObject({
      leadOrganisations: ['Namati', 'Legal Aid Board'],
      partners: ['Ministry of Justice'],
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      indicator: 'model law adopted',
      status: 'in_progress',
    });
    expect(renderCanonical(json, 'en').clauses.map((c) => `${c.label}|${c.heading}|${c.text}`)).toEqual([
      'Objective 1|Recognise community paralegals|',
      'Action 1.1|Draft a model law|A short description.',
    ]);
  });

  it('reads the first French chapter and article in all three spellings, without a gap warning', () => {
    for (const [chapter, article] of [
      ['CHAPITRE PREMIER', 'Article premier — Objet'],
      ['Chapitre Ier', 'Article 1er — Objet'],
      ['Chapitre premier', 'ARTICLE PREMIER. Objet'],
    ]) {
      const { json, summary } = importMarkdown(
        [
          'Accord',
          '',
          chapter,
          'Dispositions générales',
          '',
          article,
          '',
          'Texte.',
          '',
          'Article 2 — Suite',
          '',
          'Texte.',
        ].join('\n'),
      );
      expect(summary.counts).toMatchObject({ chapters: 1, articles: 2 });
      expect(summary.warnings ?? []).toEqual([]);
      expect(renderCanonical(json, 'fr').clauses.map((c) => c.label)).toEqual([
        'Chapitre premier',
        'Article premier',
        'Article 2',
      ]);
    }
  });

  it('reads structure lines, but not prose that starts with the same words', () => {
    expect(detectStructureLine('Article 1er — Objet')).toEqual({
      kind: 'article',
      sourceNumber: '1er',
      heading: 'Objet',
    });
    for (const [line, sourceNumber] of [
      ['Article premier — Objet', 'premier'],
      ['ARTICLE PREMIER - Objet', 'PREMIER'],
      ['Article 1er. Objet', '1er'],
      ['Article 1ᵉʳ : Objet', '1ᵉʳ'],
    ]) {
      expect(detectStructureLine(line!)).toEqual({ kind: 'article', sourceNumber, heading: 'Objet' });
    }
    for (const [line, sourceNumber] of [
      ['Chapitre premier', 'premier'],
      ['CHAPITRE PREMIER — Dispositions générales', 'PREMIER'],
      ['Chapitre Ier — Dispositions générales', 'Ier'],
    ]) {
      expect(detectStructureLine(line!)).toMatchObject({ kind: 'chapter', sourceNumber });
    }
    expect(detectStructureLine('Art. 12: Scope')).toMatchObject({
      kind: 'article',
      sourceNumber: '12',
      heading: 'Scope',
    });
    expect(detectStructureLine('Artículo 5')).toMatchObject({ kind: 'article', heading: '' });
    expect(detectStructureLine('Annex II – Rules')).toMatchObject({
      kind: 'annex',
      sourceNumber: 'II',
      heading: 'Rules',
    });
    expect(detectStructureLine('Article 5 of the Convention applies.')).toBeNull();
    expect(detectStructureLine('Annexes are attached.')).toBeNull();
  });

  it('drops links with schemes outside the allowlist but keeps their text', () => {
    expect(parseInlineMarkdown('[click](javascript:alert(1)) and **bold _both_**')).toEqual([
      { type: 'text', text: 'click' },
      { type: 'text', text: ') and ' },
      { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
    ]);
  });
});

describe('structured paste', () => {
  it('pasting "Article" text inside an article inserts new articles after it, with fresh ids', async () => {
    const { EditorState, TextSelection } = await import('@tiptap/pm/state');
    const { Node: PMNode } = await import('@tiptap/pm/model');
    const { structuredPasteSlice } = await import('./import/structuredPasteSlice.js');
    const { clauseIdsPlugin } = await import('./ids/clauseIdsPlugin.js');
    const { templates } = await import('./templates/templates.js');
    let state = EditorState.create({
      schema: policySchema,
      doc: PMNode.fromJSON(policySchema, templates.agreement.build({ language: 'en' })),
      plugins: [clauseIdsPlugin()],
    });
    let at = 0;
    state.doc.descendants((node, pos) => {
      if (!at && node.isText && node.text!.startsWith('The purpose')) at = pos + node.nodeSize;
    });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
    const slice = structuredPasteSlice(
      'Article 7 — Pasted one\n\n1. Text.\n2. More:\n   a) x\n\nArticle 8 - Pasted two\nBody.',
      policySchema,
    )!;
    expect(structuredPasteSlice('Just a sentence.\n\n1. a list', policySchema)).toBeNull();
    state = state.apply(state.tr.replaceSelection(slice));
    expect(() => state.doc.check()).not.toThrow();
    const r = renderCanonical(state.doc.toJSON(), 'en');
    expect(r.problems).toEqual([]);
    expect(
      r.clauses
        .filter((c) => c.kind === 'article')
        .map((c) => `${c.label}:${c.heading}`)
        .slice(0, 4),
    ).toEqual(['Article 1:Purpose', 'Article 2:Pasted one', 'Article 3:Pasted two', 'Article 4:Definitions']);
    expect(r.clauses.find((c) => c.path === '2.2.a')?.text).toBe('x');
  });
});
