import type { DocumentProblem } from '../render/DocumentProblem.js';

/** What an import detected, for the preview shown before the document is created. */
export interface ImportSummary {
  title: string;
  counts: {
    recitals: number;
    chapters: number;
    articles: number;
    paragraphs: number;
    points: number;
    objectives: number;
    actions: number;
    annexes: number;
  };
  /** Things a person should check: source numbering gaps, text that fit nowhere, … */
  warnings: string[];
  /** Schema problems of the result (empty unless the importer has a bug). */
  problems: DocumentProblem[];
}
