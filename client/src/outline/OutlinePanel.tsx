import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getNumbering, type MovePlacement, type PresentedDocument } from '@accord/shared';
import { ownName } from '../comments/clauseName';
import { useCommentCounts } from '../comments/useCommentCounts';
import type { CollabSession } from '../collab/CollabSession';
import type { PanelSheets } from '../phone/PanelSheets';
import { useSheet } from '../phone/useSheet';
import { clearOfToolbar } from '../phone/clearOfToolbar';
import { buildTree } from './buildTree';
import { OutlineItem } from './OutlineItem';
import { useAmendmentCounts } from '../amendments/useAmendments';
import { rollUpAmendmentCounts } from '../amendments/rollUpAmendmentCounts';
import { OutlineMoves } from './OutlineMoves';
import { AuthorsButton } from './AuthorsButton';
import { ClauseAuthorsDialog } from './ClauseAuthorsDialog';
import { OutlineProblems } from './OutlineProblems';
import { focusClause } from './focusClause';
import { moveTarget } from './moveTarget';
import type { OutlineEntry } from './outlineEntries';
import { rollUpCommentCounts } from './rollUpCommentCounts';
import { useOutline } from './useOutline';
import { useOutlineDragAndDrop } from './useOutlineDragAndDrop';
import { useSessionEditor, useSessionOutline } from './useSessionEditor';
import { useTreeKeyboard } from './useTreeKeyboard';
import type { NegotiationStore } from '../negotiation/NegotiationStore';
import { OutlineNegotiationBar } from '../negotiation/OutlineNegotiationBar';
import { useOutlineNegotiation } from '../negotiation/OutlineNegotiation';
import './outline.css';

interface OutlinePanelProps {
  session: CollabSession | null;
  document: PresentedDocument;
  editable: boolean;
  /** on a phone the outline is a sheet over the text */
  sheets: PanelSheets;
  /** the clauses' negotiation statuses (null: not shown) */
  negotiation?: NegotiationStore | null;
}

const NO_ENTRIES: OutlineEntry[] = [];
const KINDS = ['chapter', 'article', 'paragraph', 'point', 'objective', 'action', 'annex'] as const;

/**
 * The entry with its heading, its label in the interface's `language` for interface sentences
 * (announcements, button names, dialog titles), or as the text shows it when `language` is null.
 */
const describe = (entry: OutlineEntry, language: string | null) => {
  const label = (language !== null && entry.number && ownName(entry, language)) || entry.label;
  return entry.heading ? `${label} — ${entry.heading}` : label;
};

/**
 * The document's table of contents, computed in the browser from the live editor state (numbers
 * from the Numbering plugin), so it follows every local and remote edit instantly. Click or
 * Enter goes to a clause; drafters reorder by drag and drop, Alt+↑/↓ or the move buttons.
 */
export const OutlinePanel = memo(function OutlinePanel({
  session,
  document,
  editable,
  sheets,
  negotiation = null,
}: OutlinePanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { ref: sheetRef, props: sheetProps, phone } = useSheet<HTMLElement>(sheets, 'outline');
  const id = useId();
  const editor = useSessionEditor(session);
  const outline = useOutline(useSessionOutline(session));
  const threadCounts = useCommentCounts(session);
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);

  const entries = outline?.entries ?? NO_ENTRIES;
  const tree = useMemo(() => buildTree(entries), [entries]);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const clauseStatuses = useOutlineNegotiation(negotiation, entries, onlyOpen);
  // the tree's tab stop: the selected entry, else the first one the filter shows
  const shown = (entry: OutlineEntry) => !clauseStatuses?.hidden.has(entry.clauseId);
  const current =
    entries.find((entry) => entry.clauseId === selected && shown(entry)) ?? entries.find(shown) ?? null;
  // comments on clauses the outline does not list (paragraphs, points) count on their article
  const commentCounts = useMemo(() => {
    const numbers = editor ? getNumbering(editor.state)?.numbers : undefined;
    const listed = new Set(entries.map((entry) => entry.clauseId));
    return rollUpCommentCounts(threadCounts, listed, (clauseId) => numbers?.get(clauseId)?.parentId);
  }, [threadCounts, entries, editor]);
  const openAmendments = useAmendmentCounts(session?.amendments ?? null);
  const amendmentCounts = useMemo(() => {
    const numbers = editor ? getNumbering(editor.state)?.numbers : undefined;
    const listed = new Set(entries.map((entry) => entry.clauseId));
    return rollUpAmendmentCounts(openAmendments, listed, (clauseId) => numbers?.get(clauseId)?.parentId);
  }, [openAmendments, entries, editor]);
  const canMove = editable && editor !== null;

  // after a move, say where the clause went (once the outline shows it) and keep focus on it
  useEffect(() => {
    const moved = pendingFocus.current;
    if (!moved) return;
    const entry = entries.find((e) => e.clauseId === moved);
    if (!entry) return;
    pendingFocus.current = null;
    setAnnouncement(t('structure.outline.movedTo', { clause: describe(entry, language) }));
    treeRef.current?.querySelector<HTMLElement>(`[data-clause-id="${moved}"]`)?.focus();
  }, [entries, t, language]);

  const move = useCallback(
    (clauseId: string, targetId: string, placement: MovePlacement): boolean => {
      if (!editor || !editable) return false;
      const moved = editor.commands.moveClauseTo(clauseId, targetId, placement);
      if (moved) {
        pendingFocus.current = clauseId;
        setSelected(clauseId);
      } else {
        setAnnouncement(t('structure.outline.cannotMove'));
      }
      return moved;
    },
    [editor, editable, t],
  );

  const moveBy = useCallback(
    (clauseId: string, direction: 'up' | 'down') => {
      const target = moveTarget(entries, clauseId, direction);
      if (!target) {
        setAnnouncement(
          t(direction === 'up' ? 'structure.outline.alreadyFirst' : 'structure.outline.alreadyLast'),
        );
        return;
      }
      move(clauseId, target.targetId, target.placement);
    },
    [entries, move, t],
  );

  const goTo = useCallback(
    (clauseId: string) => {
      setSelected(clauseId);
      if (editor) focusClause(editor, clauseId);
      // on a phone the sheet would hide the clause it went to
      if (!phone) return;
      sheets.close();
      if (editor) clearOfToolbar(editor, clauseId);
    },
    [editor, phone, sheets],
  );

  const remove = useCallback((clauseId: string) => session?.clauseDeletion.request(clauseId), [session]);
  const [authorsOf, setAuthorsOf] = useState<{ clauseId: string; description: string } | null>(null);
  const showAuthors = useCallback(
    (entry: OutlineEntry) =>
      setAuthorsOf({ clauseId: entry.clauseId, description: describe(entry, language) }),
    [language],
  );
  // the selected entry carries its buttons: who wrote it, and (drafters) move and delete
  const actions = useMemo(
    () => (entry: OutlineEntry) => (
      <div className="outline__actions" onClick={(event) => event.stopPropagation()}>
        <AuthorsButton description={describe(entry, language)} onClick={() => showAuthors(entry)} />
        {canMove && (
          <OutlineMoves
            entries={entries}
            current={entry}
            description={describe(entry, language)}
            onMove={moveBy}
            onDelete={remove}
          />
        )}
      </div>
    ),
    [canMove, entries, moveBy, remove, showAuthors, language],
  );

  const onKeyDown = useTreeKeyboard(treeRef, {
    onFocusItem: setSelected,
    onActivate: goTo,
    onMove: canMove ? moveBy : null,
  });
  const { dnd, drop } = useOutlineDragAndDrop(canMove, {
    entries,
    editor,
    move,
    describe: (entry) => describe(entry, null),
  });

  const counts = outline?.counts;
  const countParts = counts
    ? KINDS.filter((kind) => counts[kind] > 0).map((kind) =>
        t(`structure.outline.count.${kind}`, { count: counts[kind] }),
      )
    : [];

  return (
    <aside
      ref={sheetRef}
      className="doc-page__outline"
      aria-label={t('structure.outline.region')}
      {...sheetProps}
    >
      <nav className="outline panel" aria-labelledby={`${id}-title`} data-testid="outline">
        <h2 className="panel__title outline__title" id={`${id}-title`}>
          {t('structure.outline.title')}
        </h2>
        {countParts.length > 0 && (
          <p className="outline__counts" data-testid="outline-counts">
            {countParts.join(' · ')}
          </p>
        )}
        {negotiation && (
          <OutlineNegotiationBar
            store={negotiation}
            entries={entries}
            onlyOpen={onlyOpen}
            onOnlyOpenChange={setOnlyOpen}
          />
        )}
        {document.abilities.manage && <OutlineProblems documentId={document.id} />}
        {!outline ? (
          <p className="outline__empty">{t('structure.outline.loading')}</p>
        ) : entries.length === 0 ? (
          <p className="outline__empty">{t('structure.outline.empty')}</p>
        ) : (
          <>
            {canMove && (
              <p className="outline__help" id={`${id}-help`}>
                {t('structure.outline.help')}
              </p>
            )}
            <ul
              ref={treeRef}
              className="outline__tree"
              role="tree"
              aria-labelledby={`${id}-title`}
              aria-describedby={canMove ? `${id}-help` : undefined}
              onKeyDown={onKeyDown}
            >
              {tree.map((node, index) => (
                <OutlineItem
                  key={node.entry.clauseId}
                  node={node}
                  posInSet={index + 1}
                  setSize={tree.length}
                  focusId={current?.clauseId ?? null}
                  selected={selected}
                  drop={drop}
                  dnd={dnd}
                  onSelect={goTo}
                  commentCounts={commentCounts}
                  amendmentCounts={amendmentCounts}
                  actions={actions}
                  negotiation={clauseStatuses}
                />
              ))}
            </ul>
          </>
        )}
        <p className="visually-hidden" aria-live="polite" data-testid="outline-announcement">
          {announcement}
        </p>
      </nav>
      <ClauseAuthorsDialog
        documentId={document.id}
        clause={authorsOf}
        onClose={() => {
          const clauseId = authorsOf?.clauseId;
          setAuthorsOf(null);
          // back to the entry the dialog was opened from
          if (clauseId)
            treeRef.current?.querySelector<HTMLElement>(`[data-clause-id="${clauseId}"]`)?.focus();
        }}
      />
    </aside>
  );
});
