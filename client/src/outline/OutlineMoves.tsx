import { useTranslation } from 'react-i18next';
import { ToolbarIcon } from '../editor/ToolbarIcon';
import { moveTarget } from './moveTarget';
import type { OutlineEntry } from './outlineEntries';

interface OutlineMovesProps {
  entries: OutlineEntry[];
  current: OutlineEntry;
  /** how the current clause is read out ('Article 3 — Purpose') */
  description: string;
  onMove(clauseId: string, direction: 'up' | 'down'): void;
  onDelete(clauseId: string): void;
}

/**
 * The buttons on the selected entry of the outline: move up, move down (the same as Alt+↑ / Alt+↓
 * on the entry) and delete, so a mouse user selects an entry with a click and acts on it there.
 */
export function OutlineMoves({ entries, current, description, onMove, onDelete }: OutlineMovesProps) {
  const { t } = useTranslation();
  const up = t('structure.outline.moveUp');
  const down = t('structure.outline.moveDown');
  const remove = t('structure.outline.delete', { clause: description });
  return (
    <div
      className="outline__moves"
      role="group"
      aria-label={t('structure.outline.moveGroup', { clause: description })}
      onClick={(event) => event.stopPropagation()}
    >
      <button
        type="button"
        className="button button--quiet outline__move"
        aria-label={up}
        title={`${up} (Alt+↑)`}
        aria-keyshortcuts="Alt+ArrowUp"
        disabled={!moveTarget(entries, current.clauseId, 'up')}
        onClick={() => onMove(current.clauseId, 'up')}
      >
        <ToolbarIcon name="moveUp" size={16} />
      </button>
      <button
        type="button"
        className="button button--quiet outline__move"
        aria-label={down}
        title={`${down} (Alt+↓)`}
        aria-keyshortcuts="Alt+ArrowDown"
        disabled={!moveTarget(entries, current.clauseId, 'down')}
        onClick={() => onMove(current.clauseId, 'down')}
      >
        <ToolbarIcon name="moveDown" size={16} />
      </button>
      <button
        type="button"
        className="button button--quiet outline__move outline__delete"
        aria-label={remove}
        title={remove}
        onClick={() => onDelete(current.clauseId)}
      >
        <ToolbarIcon name="delete" size={16} />
      </button>
    </div>
  );
}
