import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseName, type ClauseLookup } from '../comments/clauseName';
import type { PresentedChangeAuthors } from '@accord/shared';
import { ChangeAuthors } from './ChangeAuthors';
import { ClauseNumbers } from './ClauseNumbers';
import { DiffText } from './DiffText';
import { FieldChanges } from './FieldChanges';
import type { ComparisonRow } from './comparisonRows';

/** changes of wording, which have authors (a move or a new number alone is not shown with them) */
const WORDED = new Set<string>(['added', 'removed', 'modified', 'split', 'merged']);

interface ComparisonRowViewProps {
  row: ComparisonRow;
  layout: 'inline' | 'side';
  lookups: { old: ClauseLookup; new: ClauseLookup };
  /** the two sides' names, for the side-by-side columns */
  sides: { old: string; new: string };
  /** who made the changes (null when the comparison runs backwards in time) */
  authors: PresentedChangeAuthors | null;
}

/** One block of the comparison: what it is (numbers then and now), how it changed, its text. */
export const ComparisonRowView = forwardRef<HTMLElement, ComparisonRowViewProps>(function ComparisonRowView(
  { row, layout, lookups, sides, authors },
  ref,
) {
  const { t, i18n } = useTranslation();
  const translate = (key: string, values?: Record<string, string>) => t(key, values ?? {});

  let title;
  let changes: string[];
  if (row.type === 'title') {
    title = t('versions.compare.titleRow');
    changes = ['modified'];
  } else if (row.type === 'freeText') {
    title = t('versions.compare.freeText');
    changes = [row.change];
  } else {
    title = (
      <ClauseNumbers
        oldName={row.old ? clauseName(row.old, lookups.old, translate, i18n.language) : null}
        newName={row.new ? clauseName(row.new, lookups.new, translate, i18n.language) : null}
      />
    );
    changes = row.changes;
  }
  const heading = row.type === 'clause' ? row.heading : null;
  const text = row.text;
  const fields = row.type === 'clause' ? row.fields : null;
  const unchanged = changes.length === 0;
  const className = [
    'compare-row',
    row.quiet ? 'compare-row--quiet' : 'compare-row--changed',
    ...changes.map((change) => `change--${change}`),
  ].join(' ');
  const depth = row.type === 'clause' ? Math.min(row.depth, 4) : 0;

  const body = (side: 'inline' | 'old' | 'new') => (
    <>
      {!heading && !text && row.type === 'clause' && <p className="hint">{t('versions.compare.noText')}</p>}
      {heading && (
        <p className="compare-row__heading">
          <DiffText parts={heading} side={side} />
        </p>
      )}
      {text && (
        <p className="compare-row__text">
          <DiffText parts={text} side={side} />
        </p>
      )}
    </>
  );
  const absentOld =
    row.type === 'clause' ? row.old === null : row.type === 'freeText' && row.change === 'added';
  const absentNew =
    row.type === 'clause' ? row.new === null : row.type === 'freeText' && row.change === 'removed';

  return (
    <article
      ref={ref}
      tabIndex={-1}
      className={className}
      style={{ marginInlineStart: `${depth * 1.25}rem` }}
      data-changes={changes.join(' ') || 'unchanged'}
      aria-label={typeof title === 'string' ? title : undefined}
    >
      <header className="compare-row__header">
        <h3 className="compare-row__title">{title}</h3>
        <span className="compare-row__changes">
          {unchanged ? (
            <span className="change-tag change-tag--unchanged">{t('versions.compare.change.unchanged')}</span>
          ) : (
            changes.map((change) => (
              <span key={change} className={`change-tag change-tag--${change}`}>
                {t(`versions.compare.change.${change}`)}
              </span>
            ))
          )}
        </span>
      </header>
      {row.type === 'clause' && row.changes.some((change) => WORDED.has(change)) && (
        <ChangeAuthors authors={authors} clauseId={row.clauseId} />
      )}
      {!heading && !text && !fields && !absentOld && !absentNew ? null : layout === 'inline' ? (
        <div className="compare-row__body">
          {body('inline')}
          {fields && <FieldChanges fields={fields} />}
        </div>
      ) : (
        <div className="compare-row__sides">
          <div className="compare-row__side compare-row__side--old">
            <p className="compare-row__side-label">{sides.old}</p>
            {absentOld ? <p className="hint">{t('versions.compare.notInThisSide')}</p> : body('old')}
          </div>
          <div className="compare-row__side compare-row__side--new">
            <p className="compare-row__side-label">{sides.new}</p>
            {absentNew ? <p className="hint">{t('versions.compare.notInThisSide')}</p> : body('new')}
          </div>
          {fields && (
            <div className="compare-row__fields">
              <FieldChanges fields={fields} />
            </div>
          )}
        </div>
      )}
    </article>
  );
});
