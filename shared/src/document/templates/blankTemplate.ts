import { buildNodes as b } from './buildNodes.js';
import type { PolicyTemplate } from './PolicyTemplate.js';

const UNTITLED = {
  en: 'Untitled document',
  es: 'Documento sin título',
  pt: 'Documento sem título',
  fr: 'Document sans titre',
};

/** A title and one empty paragraph; structure is added from the toolbar. */
export const blankTemplate: PolicyTemplate = {
  id: 'blank',
  kind: 'other',
  name: { en: 'Blank', es: 'En blanco', pt: 'Em branco', fr: 'Vierge' },
  build: ({ language, title }) => b.doc(title ?? UNTITLED[language], [b.paragraph()]),
};
