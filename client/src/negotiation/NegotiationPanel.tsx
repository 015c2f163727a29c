import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabSession } from '../collab/CollabSession';
import { useOutline } from '../outline/useOutline';
import { useSessionEditor, useSessionOutline } from '../outline/useSessionEditor';
import { useClauseAtCursor } from './useClauseAtCursor';
import { useDateFormat } from '../i18n/useDateFormat';
import type { NegotiationStore } from './NegotiationStore';
import { useNegotiation } from './useNegotiation';
import { ClauseStatusBadge } from './ClauseStatusBadge';
import { StanceBadge } from './StanceBadge';
import { ClauseStatusForm } from './ClauseStatusForm';
import { PositionForm } from './PositionForm';
import { ClauseNegotiationHistory } from './ClauseNegotiationHistory';
import { PositionsMatrix } from './PositionsMatrix';
import { BracketControls } from './BracketControls';
import { personName } from '../components/personName';

interface NegotiationPanelProps {
  session: CollabSession | null;
  store: NegotiationStore;
}

/**
 * The negotiation of one clause at a time: its status (coordinators set it, with a note), the
 * reader's organisation's position (members who may comment record it), the history; and for
 * coordinators the matrix of every organisation's positions.
 */
export function NegotiationPanel({ session, store }: NegotiationPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const date = useDateFormat({ dateStyle: 'medium' });
  const state = useNegotiation(store);
  const outline = useOutline(useSessionOutline(session));
  const [chosen, setChosen] = useState<string | null>(null);
  const [matrixOpen, setMatrixOpen] = useState(false);
  const negotiation = state.negotiation;
  const entries = useMemo(() => outline?.entries ?? [], [outline]);
  const listed = useMemo(() => new Set(entries.map((entry) => entry.clauseId)), [entries]);
  // the panel follows the clause the cursor is in, until the reader picks one here
  const atCursor = useClauseAtCursor(useSessionEditor(session), listed);
  const [followed, setFollowed] = useState<string | null>(null);
  if (atCursor !== followed) {
    setFollowed(atCursor);
    if (atCursor) setChosen(atCursor);
  }
  if (!negotiation || entries.length === 0) return null;

  const clause = entries.find((entry) => entry.clauseId === chosen) ?? entries[0]!;
  const current = state.statuses.get(clause.clauseId) ?? null;
  const myOrganisation = negotiation.organisations.find((o) => o.id === negotiation.myOrganisationId) ?? null;
  const ownPosition = store
    .positionsOf(clause.clauseId)
    .find((p) => p.organisationId === negotiation.myOrganisationId);
  const describe = (entry: (typeof entries)[number]) =>
    entry.heading ? `${entry.label} — ${entry.heading}` : entry.label;

  return (
    <section
      className="panel negotiation-panel"
      aria-labelledby={`${id}-title`}
      data-testid="negotiation-panel"
    >
      <h2 className="panel__title" id={`${id}-title`}>
        {t('negotiation.title')}
      </h2>
      <label htmlFor={`${id}-clause`}>{t('negotiation.clause')}</label>
      <select id={`${id}-clause`} value={clause.clauseId} onChange={(event) => setChosen(event.target.value)}>
        {entries.map((entry) => (
          <option key={entry.clauseId} value={entry.clauseId}>
            {describe(entry)} · {t(`negotiation.status.${store.statusOf(entry.clauseId)}`)}
          </option>
        ))}
      </select>
      <p className="negotiation-panel__status" data-testid="negotiation-current">
        <ClauseStatusBadge status={current?.status ?? 'pending'} />
        {current && (
          <span className="negotiation-panel__by">
            {' '}
            {t('negotiation.history.by', {
              name: personName(t, current.by.name),
              date: date.format(new Date(current.at)),
            })}
          </span>
        )}
      </p>
      {current?.note && <q className="negotiation-history__note">{current.note}</q>}
      {negotiation.can.setStatus && (
        <ClauseStatusForm
          key={clause.clauseId}
          documentId={store.documentId}
          clauseId={clause.clauseId}
          current={current?.status ?? 'pending'}
          onSaved={() => store.load()}
        />
      )}
      {myOrganisation && (
        <p className="negotiation-panel__position" data-testid="own-position">
          {t('negotiation.position.current', { organisation: myOrganisation.name })}{' '}
          {ownPosition ? <StanceBadge stance={ownPosition.stance} /> : t('negotiation.position.none')}
        </p>
      )}
      {negotiation.can.recordPosition && myOrganisation && (
        <PositionForm
          key={`p${clause.clauseId}`}
          documentId={store.documentId}
          clauseId={clause.clauseId}
          organisationName={myOrganisation.name}
          onSaved={() => store.load()}
        />
      )}
      <ClauseNegotiationHistory
        documentId={store.documentId}
        clauseId={clause.clauseId}
        organisations={[...negotiation.organisations, ...negotiation.leftOrganisations]}
        revision={state.revision}
      />
      <BracketControls session={session} />
      {(negotiation.can.seeAllPositions || myOrganisation) && (
        <>
          <button
            type="button"
            className="button"
            onClick={() => setMatrixOpen(true)}
            data-testid="open-positions-matrix"
          >
            {negotiation.can.seeAllPositions
              ? t('negotiation.matrix.open')
              : t('negotiation.matrix.openOwn', { organisation: myOrganisation?.name ?? '' })}
          </button>
          <PositionsMatrix
            open={matrixOpen}
            onClose={() => setMatrixOpen(false)}
            entries={entries}
            store={store}
            negotiation={negotiation}
          />
        </>
      )}
    </section>
  );
}
