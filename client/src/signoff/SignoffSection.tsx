import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedSignoffRound } from '@accord/shared';
import { useDateFormat } from '../i18n/useDateFormat';
import { OpenSignoffForm } from './OpenSignoffForm';
import { SignoffDecisionForm } from './SignoffDecisionForm';
import './signoff.css';
import { personName } from '../components/personName';

interface SignoffSectionProps {
  documentId: string;
  version: number;
  round: PresentedSignoffRound | null;
  /** coordinators open rounds */
  canManage: boolean;
  published: boolean;
  onChanged(): void;
}

const SYMBOL = { endorse: '✔', decline: '✖', none: '○' } as const;

/**
 * A version's sign-off: progress ("1 of 3 organisations endorsed"), each required organisation
 * with its latest decision (symbol and words, date, note), the form for the reader's organisation,
 * overrides; coordinators open a round on a version that has none.
 */
export function SignoffSection({
  documentId,
  version,
  round,
  canManage,
  published,
  onChanged,
}: SignoffSectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const date = useDateFormat({ dateStyle: 'medium' });
  const [opening, setOpening] = useState(false);

  if (!round) {
    if (!canManage || published) return null;
    return opening ? (
      <OpenSignoffForm
        documentId={documentId}
        version={version}
        onDone={() => {
          setOpening(false);
          onChanged();
        }}
        onCancel={() => setOpening(false)}
      />
    ) : (
      <button type="button" className="button button--small" onClick={() => setOpening(true)}>
        {t('signoff.open.button')}
      </button>
    );
  }

  return (
    <section className="signoff" aria-labelledby={`${id}-title`} data-testid={`signoff-${version}`}>
      <h4 id={`${id}-title`} className="signoff__title">
        {t('signoff.title')}
      </h4>
      <p className="signoff__progress" data-testid="signoff-progress">
        <progress max={round.required} value={round.endorsed} aria-hidden="true" />{' '}
        {t('signoff.progress', { count: round.required, endorsed: round.endorsed })}
      </p>
      {round.note && <p className="hint">{round.note}</p>}
      <ul className="signoff__organisations">
        {round.organisations.map(({ organisation, latest }) => {
          const decision = latest?.decision ?? 'none';
          return (
            <li key={organisation.id} data-decision={decision}>
              <span className={`signoff__decision signoff__decision--${decision}`}>
                <span aria-hidden="true">{SYMBOL[decision]}</span> {t(`signoff.decision.${decision}`)}
              </span>{' '}
              <strong>{organisation.name}</strong>
              {latest && (
                <span className="hint">
                  {' '}
                  · {personName(t, latest.by.name)} ·{' '}
                  <time dateTime={latest.at}>{date.format(new Date(latest.at))}</time>
                </span>
              )}
              {latest?.note && <q className="signoff__note">{latest.note}</q>}
            </li>
          );
        })}
      </ul>
      {round.overrides.map((override) => (
        <p key={override.at} className="signoff__override">
          {t('signoff.override', {
            name: personName(t, override.by.name),
            date: date.format(new Date(override.at)),
            reason: override.reason,
          })}
        </p>
      ))}
      {round.can.decide && !published && (
        <SignoffDecisionForm documentId={documentId} version={version} onDone={onChanged} />
      )}
    </section>
  );
}
