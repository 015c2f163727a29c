import type { DocumentLanguage } from '../../documentKinds.js';

export interface NumberingWords {
  recital: string;
  chapter: string;
  article: string;
  objective: string;
  action: string;
  annex: string;
  /** French usage: "Article 1er", "Chapitre Ier" — the first one is written as an ordinal. */
  firstOrdinal: boolean;
}

/** Words used in clause labels, per document language. Add a language here and in DOCUMENT_LANGUAGES. */
export const NUMBERING_WORDS: Readonly<Record<DocumentLanguage, NumberingWords>> = {
  en: {
    recital: 'Recital',
    chapter: 'Chapter',
    article: 'Article',
    objective: 'Objective',
    action: 'Action',
    annex: 'Annex',
    firstOrdinal: false,
  },
  es: {
    recital: 'Considerando',
    chapter: 'Capítulo',
    article: 'Artículo',
    objective: 'Objetivo',
    action: 'Acción',
    annex: 'Anexo',
    firstOrdinal: false,
  },
  pt: {
    recital: 'Considerando',
    chapter: 'Capítulo',
    article: 'Artigo',
    objective: 'Objetivo',
    action: 'Ação',
    annex: 'Anexo',
    firstOrdinal: false,
  },
  fr: {
    recital: 'Considérant',
    chapter: 'Chapitre',
    article: 'Article',
    objective: 'Objectif',
    action: 'Action',
    annex: 'Annexe',
    firstOrdinal: true,
  },
};
