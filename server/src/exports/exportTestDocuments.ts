import {
  buildNodes as b,
  renderCanonical,
  templates,
  type CanonicalDocument,
  type DocumentKind,
  type DocumentLanguage,
} from '@accord/shared';
import type { ExportInput } from './ExportInput.js';

// Test helpers for the exports (used by the *.test.ts files here, not by the server).

type DocJson = CanonicalDocument['tree'];

/** An ExportInput for a document in ProseMirror JSON, with a fixed version (no clock). */
export function exportInput(
  json: DocJson,
  language: DocumentLanguage,
  documentKind: DocumentKind,
  overrides: Partial<ExportInput> = {},
): ExportInput {
  return {
    canonical: renderCanonical(json, language),
    documentKind,
    version: {
      label: 'Version 3',
      number: 3,
      date: new Date('2025-03-05T14:30:00Z'),
      hash: 'a3f1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211001122',
    },
    documentId: '66f0c3a1b2c3d4e5f6a7b8c9',
    authorOrganisation: 'Red de Justicia Comunitaria',
    ...overrides,
  };
}

/** The agreement template (preamble, chapters, articles, points, final formula). */
export const templateAgreement = (language: DocumentLanguage) =>
  exportInput(templates.agreement.build({ language }), language, 'agreement');

/** The action plan template (context, objectives, actions with fields). */
export const templateActionPlan = (language: DocumentLanguage) =>
  exportInput(templates.action_plan.build({ language }), language, 'action_plan');

/**
 * Text that needs escaping in every format, accents of the four languages, marks, a link,
 * numbered paragraphs with points and sub-points, an annex, and actions with every field.
 */
export function craftedDocument(): DocJson {
  const tricky = `Cláusula <b>"citada"</b> & 'otra' — ação, É, ç, œ, ñ`;
  return b.doc(`Acuerdo <Regional> & "Justicia" — São Tomé`, [
    b.preamble([
      b.paragraph('Las Partes en el presente Acuerdo,'),
      b.recital('Reconociendo que la justicia & la paz < todo,'),
      b.recital('', [
        { type: 'text', text: 'Decididas ' },
        { type: 'text', text: 'firmemente', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' a actuar,' },
      ]),
      b.paragraph('Han convenido en lo siguiente:'),
    ]),
    b.chapter('Disposiciones generales', [
      b.article('Objetivo', [b.paragraph(tricky)]),
      b.article('Definiciones', [
        b.paragraph('A los efectos del presente Acuerdo:'),
        b.point('por «parte» se entiende …;'),
        b.point('por «órgano» se entiende …:', [
          b.point('primero;'),
          b.point('segundo.', [b.point('más profundo')]),
        ]),
      ]),
    ]),
    b.chapter('Obligaciones', [
      b.article('Obligaciones de las Partes', [
        b.numberedParagraph(
          '',
          [b.point('informar; y'), b.point('cooperar.'), b.paragraph('Texto final del párrafo.')],
          [
            { type: 'text', text: 'Cada Parte ' },
            { type: 'text', text: 'deberá', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'véase ' },
            {
              type: 'text',
              text: 'el sitio',
              marks: [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }],
            },
            { type: 'text', text: ' y ' },
            { type: 'text', text: 'esto', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            { type: 'text', text: '.' },
          ],
        ),
        b.paragraph('Un párrafo suelto entre párrafos numerados.'),
        b.numberedParagraph('Cada Parte informará sobre su aplicación.'),
      ]),
      b.article(null, [b.paragraph('Un artículo sin título.')]),
    ]),
    b.paragraph('Hecho en Bogotá, el …'),
    b.annex('Lista de <órganos> & "comités"', [b.numberedParagraph('Primer órgano.', [b.point('sub a')])]),
    b.objective('Fortalecer la justicia comunitaria', [
      b.action(
        'Formar paralegales <comunitarios>',
        {
          leadOrganisations: ['Red de Justicia Comunitaria', 'Ação & Cidadania'],
          partners: ['Université "Populaire"'],
          startDate: '2025-01-15',
          endDate: '2025-12-31',
          indicator: 'Número de paralegales formados > 100',
          status: 'in_progress',
        },
        [b.paragraph('Descripción con | barra y *asteriscos*.')],
      ),
      b.action('Publicar una guía', { status: 'done', startDate: '2025-02-30' }),
    ]),
  ]);
}

/** A 200-article agreement (10 chapters of 20 articles, each with paragraphs and points). */
export function largeAgreement(language: DocumentLanguage = 'en', articles = 200): DocJson {
  const perChapter = 20;
  const chapters = [];
  for (let c = 0; c < Math.ceil(articles / perChapter); c++) {
    const list = [];
    for (let a = 0; a < perChapter && c * perChapter + a < articles; a++) {
      const n = c * perChapter + a + 1;
      list.push(
        b.article(`Article heading ${n}`, [
          b.numberedParagraph(
            `Each Party shall take the legislative, administrative and other measures necessary to give effect to paragraph ${n} of this Agreement, in accordance with its domestic law.`,
            [
              b.point('ensure access to justice for all, including persons in vulnerable situations;'),
              b.point('promote community paralegals and legal empowerment.'),
            ],
          ),
          b.numberedParagraph(
            'The Parties shall cooperate in good faith, exchange information and report on the implementation of this article at each meeting of the Conference of the Parties.',
          ),
        ]),
      );
    }
    chapters.push(b.chapter(`Chapter heading ${c + 1}`, list));
  }
  return b.doc('Regional Agreement on Access to Justice', [
    b.preamble([
      b.paragraph('The Parties to this Agreement,'),
      b.recital('Recognizing that …,'),
      b.paragraph('Have agreed as follows:'),
    ]),
    ...chapters,
    b.paragraph('Done at …, on …'),
  ]);
}

/**
 * Content that does not fit the schema but can arrive through Yjs or an import: a duplicate
 * clause id, a clause without id, an unknown node, a paragraph number outside any article, an
 * action outside any objective, a recital in the body, an article in the preamble.
 */
export function irregularDocument(): DocJson {
  const first = b.article('First', [b.numberedParagraph('ok')]);
  const dup = b.article('Second', [b.paragraph('dup')]);
  dup.attrs!.clauseId = first.attrs!.clauseId;
  const noId = b.article('Third', [b.point('no id point')]);
  delete noId.attrs!.clauseId;
  return b.doc('Irregular & <odd>', [
    b.preamble([
      b.paragraph('Intro'),
      b.article('In preamble', [b.paragraph('text in preamble')]),
      b.recital('R1'),
    ]),
    first,
    dup,
    noId,
    { type: 'blockquote', content: [b.paragraph('quoted text')] },
    {
      type: 'numberedParagraph',
      attrs: { clauseId: 'abcdefghijk1' },
      content: [b.article('nested', [b.paragraph('x')])],
    },
    b.action('Loose action', { status: 'finished', startDate: '2025-13-01', leadOrganisations: ['Solo'] }),
    b.recital('Recital in the body'),
    b.objective('Objective with text', [
      b.paragraph('intro text'),
      b.action('A1'),
      b.paragraph('between'),
      b.action('A2'),
      b.paragraph('after'),
    ]),
    b.paragraph('Text with a \u0001control character\u000c and a lone \ud800 surrogate'),
  ]);
}
