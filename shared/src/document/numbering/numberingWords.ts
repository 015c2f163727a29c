import type { DocumentLanguage } from '../../documentKinds.js';

export interface NumberingWords {
  recital: string;
  chapter: string;
  article: string;
  objective: string;
  action: string;
  annex: string;
  /**
   * How the first chapter and the first article are written, when the language writes them as a
   * word: French treaties and legal texts say "Chapitre premier", "Article premier" (then
   * "Chapitre II", "Article 2"). Null: the first is numbered like the others.
   */
  first: string | null;
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
    first: null,
  },
  es: {
    recital: 'Considerando',
    chapter: 'Capítulo',
    article: 'Artículo',
    objective: 'Objetivo',
    action: 'Acción',
    annex: 'Anexo',
    first: null,
  },
  pt: {
    recital: 'Considerando',
    chapter: 'Capítulo',
    article: 'Artigo',
    objective: 'Objetivo',
    action: 'Ação',
    annex: 'Anexo',
    first: null,
  },
  fr: {
    recital: 'Considérant',
    chapter: 'Chapitre',
    article: 'Article',
    objective: 'Objectif',
    action: 'Action',
    annex: 'Annexe',
    first: 'premier',
  },
};
