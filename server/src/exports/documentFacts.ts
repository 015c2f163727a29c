import type { ExportInput } from './ExportInput.js';
import { EXPORT_LABELS } from './exportLabels.js';
import { formatExportDate } from './formatExportDate.js';

export interface DocumentFact {
  label: string;
  value: string;
  /** Identifiers (hash, document id) that readers compare character by character. */
  code: boolean;
}

/** The lines of the title page: version, date, hash, document id and author, labelled. */
export function documentFacts(input: ExportInput): DocumentFact[] {
  const { language } = input.canonical;
  const labels = EXPORT_LABELS[language];
  const facts: DocumentFact[] = [
    { label: labels.version, value: input.version.label, code: false },
    { label: labels.date, value: formatExportDate(input.version.date, language), code: false },
    { label: labels.hash, value: input.version.hash, code: true },
    { label: labels.document, value: input.documentId, code: true },
  ];
  if (input.authorOrganisation)
    facts.push({ label: labels.author, value: input.authorOrganisation, code: false });
  return facts;
}
