import type { DiffPart, DocumentLanguage } from '@accord/shared';
import type { AmendmentExportRow } from './AmendmentExportRow.js';
import { AMENDMENT_EXPORT_LABELS } from './amendmentExportLabels.js';
import { csvText } from '../csvText.js';
import { NEGOTIATION_EXPORT_LABELS } from '../negotiation/negotiationExportLabels.js';

/**
 * Changes marked in plain text as wdiff does: [-deleted-] in "Text proposed", {+added+} in
 * "Amendment"; words whose formatting changes, {~so~} in "Amendment".
 */
function column(diff: readonly DiffPart[], side: 'before' | 'after'): string {
  return diff
    .map((part) => {
      if (side === 'before') return part.added ? '' : part.removed ? `[-${part.value}-]` : part.value;
      if (part.formatted) return `{~${part.value}~}`;
      return part.removed ? '' : part.added ? `{+${part.value}+}` : part.value;
    })
    .join('');
}

/** The amendments list as CSV (RFC 4180, UTF-8 with a byte order mark for spreadsheets). */
export function renderAmendmentsCsv(rows: readonly AmendmentExportRow[], language: DocumentLanguage): string {
  const l = AMENDMENT_EXPORT_LABELS[language];
  const lines = [
    [
      l.amendmentNo,
      l.clause,
      l.kind,
      l.textProposed,
      l.amendment,
      l.tabledBy,
      l.cosponsors,
      l.justification,
      l.state,
      NEGOTIATION_EXPORT_LABELS[language].clauseStatus,
      l.decision,
    ],
    ...rows.map((row) => [
      String(row.number),
      row.clause,
      row.kind,
      column(row.diff, 'before'),
      column(row.diff, 'after'),
      row.tabledBy,
      row.cosponsors.join('; '),
      row.justification,
      row.state,
      row.clauseStatus ?? '',
      row.decision ?? '',
    ]),
  ];
  return csvText(lines);
}
