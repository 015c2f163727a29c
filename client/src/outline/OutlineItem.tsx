import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToolbarIcon } from '../editor/ToolbarIcon';
import type { TreeNode } from './buildTree';
import { openThreadsIn } from './rollUpCommentCounts';
import type { Drop, OutlineDnd } from './useOutlineDragAndDrop';
import type { OutlineNegotiation } from '../negotiation/OutlineNegotiation';
import { ClauseStatusBadge } from '../negotiation/ClauseStatusBadge';
import { OutlineAmendmentCount } from '../amendments/OutlineAmendmentCount';

interface OutlineItemProps {
  node: TreeNode;
  posInSet: number;
  setSize: number;
  focusId: string | null;
  selected: string | null;
  drop: Drop;
  dnd: OutlineDnd | null;
  onSelect(clauseId: string): void;
  /** open comment threads per listed clause id, including those on its unlisted parts */
  commentCounts: Record<string, number>;
  /** open amendments per listed clause id */
  amendmentCounts: Record<string, number>;
  /** the buttons the selected entry carries (null: none, e.g. read-only) */
  actions: ((entry: TreeNode['entry']) => ReactNode) | null;
  /** each clause's negotiation status, and the entries the "not agreed" filter hides */
  negotiation: OutlineNegotiation | null;
}

/** One clause of the outline (a treeitem) and, nested, the clauses inside it. */
export const OutlineItem = memo(function OutlineItem({
  node,
  posInSet,
  setSize,
  focusId,
  selected,
  drop,
  dnd,
  onSelect,
  commentCounts,
  amendmentCounts,
  actions,
  negotiation,
}: OutlineItemProps) {
  const { t } = useTranslation();
  const { entry, children } = node;
  const openComments = openThreadsIn(node, commentCounts);
  const status = negotiation?.statusOf(entry.clauseId) ?? 'pending';
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
      aria-describedby={status !== 'pending' ? `${labelId}-status` : undefined}
      data-clause-id={entry.clauseId}
      data-kind={entry.kind}
      className="outline__item"
      hidden={negotiation?.hidden.has(entry.clauseId) || undefined}
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
        {/* pending (the default) is not marked, so an outline without a negotiation reads as before */}
        {negotiation && status !== 'pending' && (
          <ClauseStatusBadge id={`${labelId}-status`} status={status} compact />
        )}
        {openComments > 0 && (
          <span
            className="outline__comments"
            title={t('structure.outline.openComments', { count: openComments })}
          >
            <ToolbarIcon name="comment" size={13} />
            {openComments}
            <span className="visually-hidden">
              {' '}
              {t('structure.outline.openComments', { count: openComments })}
            </span>
          </span>
        )}
        <OutlineAmendmentCount node={node} counts={amendmentCounts} />
      </div>
      {actions && selected === entry.clauseId && actions(entry)}
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
              amendmentCounts={amendmentCounts}
              actions={actions}
              negotiation={negotiation}
            />
          ))}
        </ul>
      )}
    </li>
  );
});
