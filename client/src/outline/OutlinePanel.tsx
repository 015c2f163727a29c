import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { getNumbering } from '@accord/shared';
import { useCommentCounts } from '../comments/useCommentCounts';
import type { MovePlacement, PresentedDocument } from '@accord/shared';
import type { CollabSession } from '../collab/CollabSession';
import { OutlineProblems } from './OutlineProblems';
import { focusClause } from './focusClause';
import { moveTarget } from './moveTarget';
import type { OutlineEntry } from './outlineEntries';
import { useOutline } from './useOutline';
import { useSessionEditor } from './useSessionEditor';
import './outline.css';

interface OutlinePanelProps {
  session: CollabSession | null;
  document: PresentedDocument;
  editable: boolean;
}

interface TreeNode {
  entry: OutlineEntry;
  children: TreeNode[];
}

function buildTree(entries: OutlineEntry[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const byId = new Map<string, TreeNode>();
  for (const entry of entries) {
    const node: TreeNode = { entry, children: [] };
    byId.set(entry.clauseId, node);
    const parent = entry.parentId ? byId.get(entry.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

type Drop = { targetId: string; placement: MovePlacement } | null;

const NO_ENTRIES: OutlineEntry[] = [];

/**
 * The document's table of contents, computed in the browser from the live editor state (numbers
 * from the Numbering plugin), so it follows every local and remote edit instantly. Click or
 * Enter goes to a clause; drafters reorder by drag and drop, Alt+↑/↓ or the move buttons.
 */
export const OutlinePanel = memo(function OutlinePanel({ session, document, editable }: OutlinePanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useSessionEditor(session);
  const outline = useOutline(editor);
  const threadCounts = useCommentCounts(session);
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [drop, setDrop] = useState<Drop>(null);
  const dragged = useRef<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);

  const entries = outline?.entries ?? NO_ENTRIES;
  const tree = useMemo(() => buildTree(entries), [entries]);
  // comments on clauses the outline does not list (paragraphs, points) count on their article
  const commentCounts = useMemo(() => {
    const listed = new Set(entries.map((entry) => entry.clauseId));
    const numbers = editor ? getNumbering(editor.state)?.numbers : undefined;
    const rolled: Record<string, number> = {};
    for (const [clauseId, counts] of Object.entries(threadCounts)) {
      let at: string | null = clauseId;
      while (at && !listed.has(at)) at = numbers?.get(at)?.parentId ?? null;
      if (at && counts.open > 0) rolled[at] = (rolled[at] ?? 0) + counts.open;
    }
    return rolled;
  }, [threadCounts, entries, editor]);
  const current = entries.find((entry) => entry.clauseId === selected) ?? entries[0] ?? null;
  const canMove = editable && editor !== null;

  const describe = useCallback(
    (entry: OutlineEntry) => (entry.heading ? `${entry.label} — ${entry.heading}` : entry.label),
    [],
  );

  // after a move, say where the clause went (once the outline shows it) and keep focus on it
  useEffect(() => {
    const moved = pendingFocus.current;
    if (!moved) return;
    const entry = entries.find((e) => e.clauseId === moved);
    if (!entry) return;
    pendingFocus.current = null;
    setAnnouncement(t('structure.outline.movedTo', { clause: describe(entry) }));
    treeRef.current?.querySelector<HTMLElement>(`[data-clause-id="${moved}"]`)?.focus();
  }, [entries, describe, t]);

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
    },
    [editor],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const focused = items.findIndex((item) => item === window.document.activeElement);
    if (focused === -1) return;
    const clauseId = items[focused]!.dataset.clauseId!;
    const focusAt = (index: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, index))];
      if (!item) return;
      item.focus();
      setSelected(item.dataset.clauseId ?? null);
    };
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      if (canMove) moveBy(clauseId, event.key === 'ArrowUp' ? 'up' : 'down');
      return;
    }
    switch (event.key) {
      case 'ArrowUp':
        event.preventDefault();
        focusAt(focused - 1);
        break;
      case 'ArrowDown':
        event.preventDefault();
        focusAt(focused + 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(items.length - 1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        goTo(clauseId);
        break;
    }
  };

  // drag and drop handlers read the latest outline through refs, so they stay the same objects
  // and the (memoised) entries do not re-render whenever the page does
  const latest = useRef({ entries, editor, move, describe });
  latest.current = { entries, editor, move, describe };
  const dnd = useMemo<Dnd | null>(() => {
    if (!canMove) return null;
    const placementAt = (event: DragEvent<HTMLElement>, target: OutlineEntry): MovePlacement => {
      const box = event.currentTarget.getBoundingClientRect();
      const y = (event.clientY - box.top) / Math.max(1, box.height);
      const draggedEntry = latest.current.entries.find((e) => e.clauseId === dragged.current);
      const container = target.kind === 'chapter' || target.kind === 'objective';
      if (container && draggedEntry && draggedEntry.kind !== target.kind)
        return y < 0.3 ? 'before' : 'inside';
      return y < 0.5 ? 'before' : 'after';
    };
    return {
      onDragStart: (event, entry) => {
        dragged.current = entry.clauseId;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', latest.current.describe(entry));
      },
      onDragOver: (event, entry) => {
        const from = dragged.current;
        const current = latest.current.editor;
        if (!from || !current) return;
        const placement = placementAt(event, entry);
        if (!current.can().moveClauseTo(from, entry.clauseId, placement)) {
          setDrop(null);
          return;
        }
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDrop((previous) =>
          previous?.targetId === entry.clauseId && previous.placement === placement
            ? previous
            : { targetId: entry.clauseId, placement },
        );
      },
      onDrop: (event, entry) => {
        event.preventDefault();
        const from = dragged.current;
        dragged.current = null;
        setDrop(null);
        if (from) latest.current.move(from, entry.clauseId, placementAt(event, entry));
      },
      onDragEnd: () => {
        dragged.current = null;
        setDrop(null);
      },
    };
  }, [canMove]);

  const counts = outline?.counts;
  const countParts = counts
    ? (['chapter', 'article', 'paragraph', 'point', 'objective', 'action', 'annex'] as const)
        .filter((kind) => counts[kind] > 0)
        .map((kind) => t(`structure.outline.count.${kind}`, { count: counts[kind] }))
    : [];

  return (
    <aside className="doc-page__outline" aria-label={t('structure.outline.region')}>
      <nav className="outline panel" aria-labelledby={`${id}-title`} data-testid="outline">
        <h2 className="panel__title outline__title" id={`${id}-title`}>
          {t('structure.outline.title')}
        </h2>
        {countParts.length > 0 && (
          <p className="outline__counts" data-testid="outline-counts">
            {countParts.join(' · ')}
          </p>
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
                />
              ))}
            </ul>
            {canMove && current && (
              <div
                className="outline__moves"
                role="group"
                aria-label={t('structure.outline.moveGroup', { clause: describe(current) })}
              >
                <span className="outline__moves-what" aria-hidden="true">
                  {current.label}
                </span>
                <button
                  type="button"
                  className="button button--quiet outline__move"
                  aria-keyshortcuts="Alt+ArrowUp"
                  disabled={!moveTarget(entries, current.clauseId, 'up')}
                  onClick={() => moveBy(current.clauseId, 'up')}
                >
                  ↑ {t('structure.outline.moveUp')}
                </button>
                <button
                  type="button"
                  className="button button--quiet outline__move"
                  aria-keyshortcuts="Alt+ArrowDown"
                  disabled={!moveTarget(entries, current.clauseId, 'down')}
                  onClick={() => moveBy(current.clauseId, 'down')}
                >
                  ↓ {t('structure.outline.moveDown')}
                </button>
              </div>
            )}
          </>
        )}
        <p className="visually-hidden" aria-live="polite" data-testid="outline-announcement">
          {announcement}
        </p>
      </nav>
    </aside>
  );
});

interface Dnd {
  onDragStart(event: DragEvent<HTMLElement>, entry: OutlineEntry): void;
  onDragOver(event: DragEvent<HTMLElement>, entry: OutlineEntry): void;
  onDrop(event: DragEvent<HTMLElement>, entry: OutlineEntry): void;
  onDragEnd(): void;
}

interface OutlineItemProps {
  node: TreeNode;
  posInSet: number;
  setSize: number;
  focusId: string | null;
  selected: string | null;
  drop: Drop;
  dnd: Dnd | null;
  onSelect(clauseId: string): void;
  /** open comment threads per listed clause id, including those on its unlisted parts */
  commentCounts: Record<string, number>;
}

const OutlineItem = memo(function OutlineItem({
  node,
  posInSet,
  setSize,
  focusId,
  selected,
  drop,
  dnd,
  onSelect,
  commentCounts,
}: OutlineItemProps) {
  const { t } = useTranslation();
  const { entry, children } = node;
  const openComments = openThreadsIn(node, commentCounts);
  const labelId = `outline-${entry.clauseId}`;
  const dropHere = drop?.targetId === entry.clauseId ? drop.placement : undefined;
  return (
    <li
      role="treeitem"
      tabIndex={focusId === entry.clauseId ? 0 : -1}
      aria-level={entry.level}
      aria-posinset={posInSet}
      aria-setsize={setSize}
      aria-selected={selected === entry.clauseId}
      aria-expanded={children.length > 0 ? true : undefined}
      aria-labelledby={labelId}
      data-clause-id={entry.clauseId}
      data-kind={entry.kind}
      className="outline__item"
      onFocus={(event) => event.stopPropagation()}
    >
      <div
        className="outline__row"
        data-drop={dropHere}
        draggable={dnd !== null}
        onClick={(event) => {
          event.stopPropagation();
          onSelect(entry.clauseId);
        }}
        onDragStart={dnd ? (event) => dnd.onDragStart(event, entry) : undefined}
        onDragOver={dnd ? (event) => dnd.onDragOver(event, entry) : undefined}
        onDrop={dnd ? (event) => dnd.onDrop(event, entry) : undefined}
        onDragEnd={dnd?.onDragEnd}
      >
        {dnd && (
          <span className="outline__grip" aria-hidden="true">
            ⋮⋮
          </span>
        )}
        <span id={labelId} className="outline__text">
          <span className="outline__label">{entry.label}</span>
          <span className="outline__heading">{entry.heading || t('structure.outline.untitled')}</span>
        </span>
        {openComments > 0 && (
          <span
            className="outline__comments"
            title={t('structure.outline.openComments', { count: openComments })}
          >
            <span aria-hidden="true">💬 </span>
            {openComments}
            <span className="visually-hidden">
              {' '}
              {t('structure.outline.openComments', { count: openComments })}
            </span>
          </span>
        )}
      </div>
      {children.length > 0 && (
        <ul role="group" className="outline__group">
          {children.map((child, index) => (
            <OutlineItem
              key={child.entry.clauseId}
              node={child}
              posInSet={index + 1}
              setSize={children.length}
              focusId={focusId}
              selected={selected}
              drop={drop}
              dnd={dnd}
              onSelect={onSelect}
              commentCounts={commentCounts}
            />
          ))}
        </ul>
      )}
    </li>
  );
});

/** Open comment threads on a clause and everything inside it (a chapter counts its articles'). */
function openThreadsIn(node: TreeNode, counts: Record<string, number>): number {
  let total = counts[node.entry.clauseId] ?? 0;
  for (const child of node.children) total += openThreadsIn(child, counts);
  return total;
}
