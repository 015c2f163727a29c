import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { POSITION_STANCES, type PositionStance, type PresentedNegotiation } from '@accord/shared';
import type { OutlineEntry } from '../outline/outlineEntries';
import type { NegotiationStore } from './NegotiationStore';
import { ClauseStatusBadge } from './ClauseStatusBadge';
import { StanceBadge } from './StanceBadge';

interface PositionsMatrixProps {
  open: boolean;
  onClose(): void;
  entries: OutlineEntry[];
  store: NegotiationStore;
  negotiation: PresentedNegotiation;
}

/**
 * Coordinators: clauses × organisations (members: their own organisation's column only, as the
 * server sends them; then organisations that have left but whose positions remain), each cell the organisation's latest position (symbol and
 * words, its note as the cell's description), and per clause the tallies. A modal dialog; the
 * table scrolls sideways on a phone.
 */
export function PositionsMatrix({ open, onClose, entries, store, negotiation }: PositionsMatrixProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      closeButton.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  // organisations with positions on record but no member any more come last, marked as such
  const organisations = [
    ...negotiation.organisations,
    ...negotiation.leftOrganisations.map((o) => ({ ...o, left: true })),
  ];
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog positions-matrix"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="positions-matrix"
    >
      {open && (
        <>
          <h2 id={`${id}-title`} className="confirm-dialog__title">
            {t('negotiation.matrix.title')}
          </h2>
          {negotiation.can.seeAllPositions && (
            <p>
              <a
                href={`/api/documents/${encodeURIComponent(store.documentId)}/negotiation/export?format=csv`}
                download
                data-testid="positions-csv"
              >
                {t('negotiation.matrix.csv')}
              </a>
            </p>
          )}
          <div
            className="positions-matrix__scroll"
            tabIndex={0}
            role="region"
            aria-labelledby={`${id}-title`}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('negotiation.clause')}</th>
                  <th scope="col">{t('negotiation.matrix.status')}</th>
                  {organisations.map((o) => (
                    <th scope="col" key={o.id} data-organisation-id={o.id}>
                      {'left' in o ? t('negotiation.matrix.left', { name: o.name }) : o.name}
                    </th>
                  ))}
                  <th scope="col">{t('negotiation.matrix.tally')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const positions = store.positionsOf(entry.clauseId);
                  const tally = Object.fromEntries(POSITION_STANCES.map((s) => [s, 0])) as Record<
                    PositionStance,
                    number
                  >;
                  for (const p of positions) tally[p.stance]++;
                  return (
                    <tr key={entry.clauseId} data-clause-id={entry.clauseId}>
                      <th scope="row">{entry.heading ? `${entry.label} — ${entry.heading}` : entry.label}</th>
                      <td>
                        <ClauseStatusBadge status={store.statusOf(entry.clauseId)} compact />
                      </td>
                      {organisations.map((o) => {
                        const position = positions.find((p) => p.organisationId === o.id);
                        return (
                          <td key={o.id} data-organisation-id={o.id}>
                            {position ? (
                              <>
                                <StanceBadge stance={position.stance} />
                                {position.note && (
                                  <span className="positions-matrix__note">{position.note}</span>
                                )}
                              </>
                            ) : (
                              <span className="positions-matrix__none">{t('negotiation.position.none')}</span>
                            )}
                          </td>
                        );
                      })}
                      <td data-testid="positions-tally">
                        {t('negotiation.matrix.tallyCell', {
                          support: tally.support,
                          reservation: tally.reservation,
                          objection: tally.objection,
                        })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="confirm-dialog__actions">
            <button ref={closeButton} type="button" className="button" onClick={onClose}>
              {t('negotiation.matrix.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
