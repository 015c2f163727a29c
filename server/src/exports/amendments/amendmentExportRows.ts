import type { ClauseStatus, DocumentLanguage } from '@accord/shared';
import { NEGOTIATION_EXPORT_LABELS } from '../negotiation/negotiationExportLabels.js';
import type { AmendmentView } from '../../amendments/amendmentViews.js';
import { formatExportDate } from '../formatExportDate.js';
import type { AmendmentExportRow } from './AmendmentExportRow.js';
import { AMENDMENT_EXPORT_LABELS } from './amendmentExportLabels.js';

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

const org = (name: string, organisation: string | null, country: string | null) =>
  organisation ? `${organisation} (${country ?? ''}) — ${name}` : name;

/** The rows of the amendments list exports: per clause in document order, then in order of tabling. */
export function amendmentExportRows(
  views: readonly AmendmentView[],
  language: DocumentLanguage,
  /** current negotiation status per clause id (absent: pending) */
  statuses: ReadonlyMap<string, ClauseStatus> = new Map(),
): AmendmentExportRow[] {
  const labels = AMENDMENT_EXPORT_LABELS[language];
  const sorted = [...views].sort(
    (a, b) =>
      a.clauseOrder - b.clauseOrder || a.amendment.record.at.getTime() - b.amendment.record.at.getTime(),
  );
  return sorted.map((view, i) => {
    const a = view.amendment;
    const record = a.record;
    const closed = a.closedBy;
    const when = closed ? formatExportDate(closed.at, language) : '';
    const decision =
      closed?.type === 'accept'
        ? fill(closed.proposal ? labels.acceptedWithChanges : labels.accepted, {
            name: closed.actorName,
            date: when,
          })
        : closed?.type === 'reject'
          ? fill(labels.rejected, { name: closed.actorName, date: when, reason: closed.note ?? '' })
          : null;
    const kind =
      a.kind === 'insert'
        ? a.position === 'before'
          ? 'insertBefore'
          : a.position === 'inside'
            ? 'insertInside'
            : 'insertAfter'
        : a.kind;
    return {
      number: i + 1,
      clause: view.clauseLabel ?? a.clauseId,
      kind: labels.kinds[kind],
      diff: view.rebased?.diff ?? [],
      tabledBy: org(record.authorName, record.organisationName, record.country),
      cosponsors: a.cosponsors.map((c) => org(c.name, c.organisationName, c.country)),
      justification: a.justification,
      state: labels.states[view.state],
      clauseStatus:
        a.kind === 'insert' || view.clauseLabel === null
          ? null
          : NEGOTIATION_EXPORT_LABELS[language].statuses[statuses.get(a.clauseId) ?? 'pending'],
      decision,
    };
  });
}
