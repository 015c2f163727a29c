import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AMENDMENT_STATES, type ClauseContent, type PresentedDocument } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { focusClause } from '../outline/focusClause';
import { AmendmentCard } from './AmendmentCard';
import { AmendmentFilters, NO_FILTERS, matches, type Filters } from './AmendmentFilters';
import { TableAmendmentForm } from './TableAmendmentForm';
import { clauseContentFromEditor } from './clauseContentFromEditor';
import { useAmendments } from './useAmendments';
import { useAmendmentMarkers } from './useAmendmentMarkers';
import './amendments.css';

interface AmendmentsPanelProps {
  session: CollabSession;
  document: PresentedDocument;
}

interface Draft {
  clauseId: string;
  label: string | null;
  type: string;
  content: ClauseContent;
  selection: string | null;
}

/**
 * The amendments of the document, or of one clause (chosen in the outline or the editor margin):
 * filters, each amendment as a word diff against the clause's current text, tabling from the
 * clause the cursor is in, and the coordinators' decisions. Live: other people's amendments and
 * decisions appear without reloading.
 */
export function AmendmentsPanel({ session, document }: AmendmentsPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const store = session.amendments;
  const state = useAmendments(store);
  useAmendmentMarkers(session);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [hint, setHint] = useState(false);
  const clauseId = state.clauseId;
  const scopeRef = useRef<HTMLParagraphElement>(null);
  // a marker in the margin or the outline chose a clause: bring its amendments into view
  useEffect(() => {
    if (clauseId) scopeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [clauseId]);
  const shown = useMemo(
    () =>
      (state.list?.amendments ?? []).filter(
        (a) => (!clauseId || a.clauseId === clauseId) && matches(a, filters),
      ),
    [state.list, clauseId, filters],
  );
  const startTabling = () => {
    const editor = session.editor.get();
    const at = session.comments.clauseAtSelection();
    const found = at ? clauseContentFromEditor(editor, at.clauseId) : null;
    if (!at || !found) {
      setHint(true);
      return;
    }
    setHint(false);
    const { from, to } = editor!.state.selection;
    const selection = to > from ? editor!.state.doc.textBetween(from, to, ' ').slice(0, 300) : null;
    setDraft({ clauseId: at.clauseId, label: at.label, type: found.type, content: found.content, selection });
  };
  const showClause = (id: string) => {
    const editor = session.editor.get();
    if (editor) focusClause(editor, id);
  };
  // named as readers name clauses ('Article 3, paragraph 2'), from this browser's copy of the text
  const nameClause = (clauseId: string, fallback: string | null) => {
    const snapshot = session.comments.naming.lookup(clauseId);
    return snapshot ? session.comments.clauseName(snapshot) : fallback;
  };
  const clauses = [...new Map((state.list?.amendments ?? []).map((a) => [a.clauseId, a])).values()].map(
    (a) => ({
      id: a.clauseId,
      name: nameClause(a.clauseId, a.clauseLabel) ?? t('amendments.unnumbered'),
    }),
  );
  const total = state.list ? Object.values(state.list.clauseCounts).reduce((sum, n) => sum + n, 0) : 0;
  return (
    <section className="amendments-panel" aria-labelledby={`${id}-title`} data-testid="amendments-panel">
      <h2 id={`${id}-title`} className="amendments-panel__title">
        <button
          type="button"
          className="amendments-panel__toggle"
          data-testid="amendments-toggle"
          aria-expanded={state.open}
          aria-controls={`${id}-body`}
          onClick={() => store.dispatch({ type: 'toggle' })}
        >
          <span className="amendments-panel__chevron" aria-hidden="true">
            {state.open ? '▾' : '▸'}
          </span>{' '}
          {t('amendments.title')}{' '}
          <span className="amendments-panel__count">{t('amendments.openCount', { count: total })}</span>
        </button>
      </h2>
      <div id={`${id}-body`} className="amendments-panel__body" hidden={!state.open}>
        {clauseId && (
          <p className="amendments-panel__scope" ref={scopeRef} tabIndex={-1}>
            {t('amendments.oneClause')}{' '}
            <button type="button" onClick={() => store.dispatch({ type: 'showClause', clauseId: null })}>
              {t('amendments.allClauses')}
            </button>
          </p>
        )}
        {document.abilities.comment && !draft && (
          <button
            type="button"
            className="amendments-panel__table"
            data-testid="amendment-new"
            onMouseDown={(e) => e.preventDefault()}
            onClick={startTabling}
          >
            {t('amendments.new')}
          </button>
        )}
        {hint && <p className="amendments-panel__hint">{t('amendments.placeCursor')}</p>}
        {draft && (
          <TableAmendmentForm
            documentId={document.id}
            clauseId={draft.clauseId}
            clauseLabel={draft.label}
            clauseType={draft.type}
            current={draft.content}
            selection={draft.selection}
            onDone={() => {
              setDraft(null);
              store.refresh(0);
            }}
          />
        )}
        {state.list && (
          <AmendmentFilters
            list={state.list}
            filters={filters}
            onChange={setFilters}
            statuses={AMENDMENT_STATES}
            clauses={clauses}
            clauseId={clauseId}
            onClause={(id) => store.dispatch({ type: 'showClause', clauseId: id })}
          />
        )}
        <p className="amendments-panel__exports">
          {t('amendments.export.label')}{' '}
          {(['html', 'docx', 'csv'] as const).map((format) => (
            <a
              key={format}
              href={`/api/documents/${encodeURIComponent(document.id)}/amendments/export?format=${format}`}
              download
            >
              {t(`amendments.export.${format}`)}
            </a>
          ))}
        </p>
        {state.status === 'loading' && <p>{t('amendments.loading')}</p>}
        {state.error && (
          <p role="alert">{t([`amendments.errors.${state.error}`, 'amendments.errors.other'])}</p>
        )}
        {state.status === 'ready' && shown.length === 0 && <p>{t('amendments.none')}</p>}
        <ol className="amendments-panel__list">
          {shown.map((amendment) => (
            <li key={amendment.id}>
              <AmendmentCard
                amendment={amendment}
                clauseName={nameClause(amendment.clauseId, amendment.clauseLabel)}
                onChanged={() => store.refresh(0)}
                onShowClause={showClause}
              />
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
