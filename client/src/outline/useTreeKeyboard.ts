import type { KeyboardEvent, RefObject } from 'react';

interface TreeKeyboardOptions {
  /** a treeitem received the focus by keyboard */
  onFocusItem(clauseId: string): void;
  /** Enter or Space on an item */
  onActivate(clauseId: string): void;
  /** Alt+↑ / Alt+↓ on an item (null: moving is not allowed) */
  onMove: ((clauseId: string, direction: 'up' | 'down') => void) | null;
}

/**
 * Keyboard handling of a tree (WAI-ARIA tree pattern, all items expanded): ↑/↓ move between
 * visible items, Home/End to the first/last, Enter or Space activates, Alt+↑/↓ moves the clause.
 */
export function useTreeKeyboard(
  treeRef: RefObject<HTMLElement | null>,
  { onFocusItem, onActivate, onMove }: TreeKeyboardOptions,
) {
  return (event: KeyboardEvent<HTMLElement>) => {
    // entries hidden by a filter (clauses not agreed only) are skipped
    const items = [
      ...(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]:not([hidden])') ?? []),
    ];
    const focused = items.findIndex((item) => item === window.document.activeElement);
    if (focused === -1) return;
    const clauseId = items[focused]!.dataset.clauseId!;
    const focusAt = (index: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, index))];
      if (!item) return;
      item.focus();
      if (item.dataset.clauseId) onFocusItem(item.dataset.clauseId);
    };
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onMove?.(clauseId, event.key === 'ArrowUp' ? 'up' : 'down');
      return;
    }
    const targets: Record<string, number> = {
      ArrowUp: focused - 1,
      ArrowDown: focused + 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in targets) {
      event.preventDefault();
      focusAt(targets[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate(clauseId);
    }
  };
}
