import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './compare.css';
import type { VersionRef } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useErrorMessage } from '../i18n/useErrorMessage';
import type { DocumentView } from '../versions/documentView';
import { useVersions } from '../versions/useVersions';
import { ComparisonPicker } from './ComparisonPicker';
import { ComparisonRowView } from './ComparisonRowView';
import { ComparisonSummary } from './ComparisonSummary';
import { clauseLookups, comparisonRows } from './comparisonRows';
import { useChangeNavigation } from './useChangeNavigation';
import { useComparison } from './useComparison';

interface ComparisonViewProps {
  documentId: string;
  session: CollabSession | null;
  /** null: the newest version */
  from: VersionRef | null;
  to: VersionRef;
  show(view: DocumentView, options?: { replace?: boolean }): void;
}

/** Two versions (or a version and the live text) compared clause by clause. */
export function ComparisonView({ documentId, session, from, to, show }: ComparisonViewProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { state: versions } = useVersions(documentId, session);
  const newest = versions.status === 'ready' ? (versions.versions[0]?.number ?? null) : null;
  const comparedFrom = from ?? (newest !== null && newest !== to ? newest : null);
  const state = useComparison(documentId, comparedFrom, to);
  const [layout, setLayout] = useState<'inline' | 'side'>('inline');
  const [showUnchanged, setShowUnchanged] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const ready = state.status === 'ready' && comparedFrom !== null ? state : null;
  const rows = useMemo(
    () => (ready ? comparisonRows(ready.comparison, showUnchanged ? ready.toClauses : null) : []),
    [ready, showUnchanged],
  );
  const lookups = useMemo(
    () => (ready ? clauseLookups(ready.comparison.entries, ready.toClauses) : null),
    [ready],
  );
  const changeIndexes = useMemo(() => rows.flatMap((row, index) => (row.quiet ? [] : [index])), [rows]);
  const navigation = useChangeNavigation(changeIndexes.length);

  const sideName = (ref: VersionRef) =>
    ref === 'live' ? t('versions.compare.live') : t('versions.list.number', { number: ref });
  const sides = { old: sideName(comparedFrom ?? 'live'), new: sideName(to) };
  const noVersions = versions.status === 'ready' && from === null && comparedFrom === null;

  return (
    <div className="compare-view">
      <div className="view-heading">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {comparedFrom === null
            ? t('versions.compare.title')
            : t('versions.compare.titleOf', { from: sides.old, to: sides.new })}
        </h2>
        <div className="banner__actions">
          <button type="button" className="button button--small" onClick={() => show({ name: 'text' })}>
            ← {t('versions.backToText')}
          </button>
          <button type="button" className="button button--small" onClick={() => show({ name: 'versions' })}>
            {t('versions.allVersions')}
          </button>
        </div>
      </div>

      {versions.status === 'ready' && comparedFrom !== null && (
        <ComparisonPicker
          from={comparedFrom}
          to={to}
          versions={versions.versions}
          onChange={(nextFrom, nextTo) =>
            show({ name: 'compare', from: nextFrom, to: nextTo }, { replace: true })
          }
        />
      )}
      {noVersions && <p className="empty-note">{t('versions.compare.noVersions')}</p>}
      {versions.status === 'failed' && from === null && (
        <Alert tone="error">{errorMessage(versions.error)}</Alert>
      )}
      {comparedFrom !== null && state.status === 'loading' && (
        <LoadingState label={t('versions.compare.loading')} />
      )}
      {comparedFrom !== null && state.status === 'failed' && (
        <Alert tone="error">{errorMessage(state.error)}</Alert>
      )}

      {ready && lookups && (
        <>
          <ComparisonSummary summary={ready.comparison.summary} />
          <div className="compare-controls" role="group" aria-label={t('versions.compare.display')}>
            <div className="segmented" role="group" aria-label={t('versions.compare.layout')}>
              {(['inline', 'side'] as const).map((value) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={layout === value}
                  className="segmented__option"
                  onClick={() => setLayout(value)}
                >
                  {t(`versions.compare.layouts.${value}`)}
                </button>
              ))}
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={showUnchanged}
                onChange={(event) => setShowUnchanged(event.target.checked)}
              />
              <span>{t('versions.compare.showUnchanged')}</span>
            </label>
            <div className="compare-nav">
              <button
                type="button"
                className="button button--small"
                onClick={navigation.previous}
                disabled={changeIndexes.length === 0}
              >
                ↑ {t('versions.compare.previous')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={navigation.next}
                disabled={changeIndexes.length === 0}
              >
                ↓ {t('versions.compare.next')}
              </button>
              <span className="hint" role="status" data-testid="change-position">
                {navigation.current >= 0
                  ? t('versions.compare.position', {
                      current: navigation.current + 1,
                      total: changeIndexes.length,
                    })
                  : t('versions.compare.changes', { count: changeIndexes.length })}
              </span>
            </div>
          </div>
          <p className="hint compare-keys">{t('versions.compare.keys')}</p>
          {showUnchanged && !ready.toClauses && (
            <Alert tone="warning">{t('versions.compare.unchangedUnavailable')}</Alert>
          )}
          {!ready.comparison.hasChanges ? (
            <p className="empty-note">
              {t('versions.compare.noDifferences', { from: sides.old, to: sides.new })}
            </p>
          ) : (
            <div className={`compare-rows compare-rows--${layout}`} data-testid="compare-rows">
              {rows.map((row, index) => {
                const changeIndex = changeIndexes.indexOf(index);
                return (
                  <ComparisonRowView
                    key={row.key}
                    ref={changeIndex >= 0 ? navigation.register(changeIndex) : undefined}
                    row={row}
                    layout={layout}
                    lookups={lookups}
                    sides={sides}
                    authors={ready.comparison.authors}
                  />
                );
              })}
            </div>
          )}
        </>
      )}
    </div>
  );
}
