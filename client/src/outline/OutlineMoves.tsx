import { useTranslation } from 'react-i18next';
import { moveTarget } from './moveTarget';
import type { OutlineEntry } from './outlineEntries';

interface OutlineMovesProps {
  entries: OutlineEntry[];
  current: OutlineEntry;
  /** how the current clause is read out ('Article 3 — Purpose') */
  description: string;
  onMove(clauseId: string, direction: 'up' | 'down'): void;
}

/** The move buttons of the selected clause (the same as Alt+↑ / Alt+↓ in the tree). */
export function OutlineMoves({ entries, current, description, onMove }: OutlineMovesProps) {
  const { t } = useTranslation();
  return (
    <div
      className="outline__moves"
      role="group"
      aria-label={t('structure.outline.moveGroup', { clause: description })}
    >
      <span className="outline__moves-what" aria-hidden="true">
        {current.label}
      </span>
      <button
        type="button"
        className="button button--quiet outline__move"
        aria-keyshortcuts="Alt+ArrowUp"
        disabled={!moveTarget(entries, current.clauseId, 'up')}
        onClick={() => onMove(current.clauseId, 'up')}
      >
        ↑ {t('structure.outline.moveUp')}
      </button>
      <button
        type="button"
        className="button button--quiet outline__move"
        aria-keyshortcuts="Alt+ArrowDown"
        disabled={!moveTarget(entries, current.clauseId, 'down')}
        onClick={() => onMove(current.clauseId, 'down')}
      >
        ↓ {t('structure.outline.moveDown')}
      </button>
    </div>
  );
}
