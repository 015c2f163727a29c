import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../documentKinds.js';
import type { ClauseKind } from '../clauseKinds.js';
import { NUMBERING_WORDS } from './numberingWords.js';

/**
 * The label of a clause from its kind and bare number, in a language: 'Article 3', 'Capítulo II',
 * 'Chapitre premier', '2.', 'b)'. The numbering writes the text's labels with it in the
 * document's language; the client names clauses in its interface sentences with it in the
 * interface language (a language Accord has no words for gets the English ones).
 */
export function clauseLabel(kind: ClauseKind, number: string, language: string): string {
  const words = NUMBERING_WORDS[isDocumentLanguage(language) ? language : 'en'];
  const first = (isFirst: boolean) => (words.first !== null && isFirst ? words.first : number);
  switch (kind) {
    case 'recital':
      return `${words.recital} ${number}`;
    case 'chapter':
      return `${words.chapter} ${first(number === 'I')}`;
    case 'article':
      return `${words.article} ${first(number === '1')}`;
    case 'annex':
      return `${words.annex} ${number}`;
    case 'paragraph':
      return `${number}.`;
    case 'point':
      return `${number})`;
    case 'objective':
      return `${words.objective} ${number}`;
    case 'action':
      return `${words.action} ${number}`;
  }
}

function isDocumentLanguage(language: string): language is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(language);
}
