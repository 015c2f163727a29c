import type { DocumentLanguage } from '../../documentKinds.js';
import { buildNodes as b } from './buildNodes.js';
import type { PolicyTemplate } from './PolicyTemplate.js';

interface AgreementStrings {
  title: string;
  opening: string;
  recitals: [string, string];
  agreed: string;
  chapters: [string, string, string];
  purpose: [string, string];
  definitions: [string, string, string, string];
  obligations: [string, string, string];
  finalArticles: [string, string, string, string];
  done: string;
}

const STRINGS: Record<DocumentLanguage, AgreementStrings> = {
  en: {
    title: 'Agreement on …',
    opening: 'The Parties to this Agreement,',
    recitals: ['Recognizing that …,', 'Determined to …,'],
    agreed: 'Have agreed as follows:',
    chapters: ['General provisions', 'Obligations of the Parties', 'Final provisions'],
    purpose: ['Purpose', 'The purpose of this Agreement is to …'],
    definitions: ['Definitions', 'For the purposes of this Agreement:', '“…” means …;', '“…” means ….'],
    obligations: ['Obligations', 'Each Party shall …', 'Each Party shall report on …'],
    finalArticles: [
      'Entry into force',
      'This Agreement shall enter into force on …',
      'Depositary',
      'The depositary of this Agreement shall be …',
    ],
    done: 'Done at …, on …',
  },
  es: {
    title: 'Acuerdo sobre …',
    opening: 'Las Partes en el presente Acuerdo,',
    recitals: ['Reconociendo que …,', 'Decididas a …,'],
    agreed: 'Han convenido en lo siguiente:',
    chapters: ['Disposiciones generales', 'Obligaciones de las Partes', 'Disposiciones finales'],
    purpose: ['Objetivo', 'El objetivo del presente Acuerdo es …'],
    definitions: [
      'Definiciones',
      'A los efectos del presente Acuerdo:',
      'por «…» se entiende …;',
      'por «…» se entiende ….',
    ],
    obligations: ['Obligaciones', 'Cada Parte deberá …', 'Cada Parte informará sobre …'],
    finalArticles: [
      'Entrada en vigor',
      'El presente Acuerdo entrará en vigor el …',
      'Depositario',
      'El depositario del presente Acuerdo será …',
    ],
    done: 'Hecho en …, el …',
  },
  pt: {
    title: 'Acordo sobre …',
    opening: 'As Partes no presente Acordo,',
    recitals: ['Reconhecendo que …,', 'Determinadas a …,'],
    agreed: 'Acordaram o seguinte:',
    chapters: ['Disposições gerais', 'Obrigações das Partes', 'Disposições finais'],
    purpose: ['Objetivo', 'O objetivo do presente Acordo é …'],
    definitions: ['Definições', 'Para os fins do presente Acordo, entende-se por:', '“…”: …;', '“…”: ….'],
    obligations: ['Obrigações', 'Cada Parte deverá …', 'Cada Parte apresentará relatórios sobre …'],
    finalArticles: [
      'Entrada em vigor',
      'O presente Acordo entra em vigor em …',
      'Depositário',
      'O depositário do presente Acordo é …',
    ],
    done: 'Feito em …, em …',
  },
  fr: {
    title: 'Accord sur …',
    opening: 'Les Parties au présent Accord,',
    recitals: ['Reconnaissant que …,', 'Déterminées à …,'],
    agreed: 'Sont convenues de ce qui suit :',
    chapters: ['Dispositions générales', 'Obligations des Parties', 'Dispositions finales'],
    purpose: ['Objet', 'Le présent Accord a pour objet …'],
    definitions: ['Définitions', 'Aux fins du présent Accord, on entend par :', '« … » : … ;', '« … » : ….'],
    obligations: ['Obligations', 'Chaque Partie …', 'Chaque Partie rend compte de …'],
    finalArticles: [
      'Entrée en vigueur',
      'Le présent Accord entre en vigueur le …',
      'Dépositaire',
      'Le dépositaire du présent Accord est …',
    ],
    done: 'Fait à …, le …',
  },
};

/** An international agreement: preamble, three chapters of articles, final formula. */
export const agreementTemplate: PolicyTemplate = {
  id: 'agreement',
  kind: 'agreement',
  name: { en: 'Agreement', es: 'Acuerdo', pt: 'Acordo', fr: 'Accord' },
  build: ({ language, title }) => {
    const s = STRINGS[language];
    return b.doc(title ?? s.title, [
      b.preamble([
        b.paragraph(s.opening),
        b.recital(s.recitals[0]),
        b.recital(s.recitals[1]),
        b.paragraph(s.agreed),
      ]),
      b.chapter(s.chapters[0], [
        b.article(s.purpose[0], [b.paragraph(s.purpose[1])]),
        b.article(s.definitions[0], [
          b.paragraph(s.definitions[1]),
          b.point(s.definitions[2]),
          b.point(s.definitions[3]),
        ]),
      ]),
      b.chapter(s.chapters[1], [
        b.article(s.obligations[0], [
          b.numberedParagraph(s.obligations[1]),
          b.numberedParagraph(s.obligations[2]),
        ]),
      ]),
      b.chapter(s.chapters[2], [
        b.article(s.finalArticles[0], [b.paragraph(s.finalArticles[1])]),
        b.article(s.finalArticles[2], [b.paragraph(s.finalArticles[3])]),
      ]),
      b.paragraph(s.done),
    ]);
  },
};
