import { useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { MovePlacement } from '@accord/shared';
import type { OutlineEntry } from './outlineEntries';

export type Drop = { targetId: string; placement: MovePlacement } | null;

export interface OutlineDnd {
  onDragStart(event: DragEvent<HTMLElement>, entry: OutlineEntry): void;
  onDragOver(event: DragEvent<HTMLElement>, entry: OutlineEntry): void;
  onDrop(event: DragEvent<HTMLElement>, entry: OutlineEntry): void;
  onDragEnd(): void;
}

interface Latest {
  entries: OutlineEntry[];
  editor: Editor | null;
  move(clauseId: string, targetId: string, placement: MovePlacement): boolean;
  describe(entry: OutlineEntry): string;
}

/** Where a drop on `target` puts the dragged clause: before or after it, or inside a container. */
function placementAt(
  event: DragEvent<HTMLElement>,
  target: OutlineEntry,
  dragged?: OutlineEntry,
): MovePlacement {
  const box = event.currentTarget.getBoundingClientRect();
  const y = (event.clientY - box.top) / Math.max(1, box.height);
  const container = target.kind === 'chapter' || target.kind === 'objective';
  if (container && dragged && dragged.kind !== target.kind) return y < 0.3 ? 'before' : 'inside';
  return y < 0.5 ? 'before' : 'after';
}

/**
 * Reordering the outline by drag and drop: the handlers (null when moving is not allowed) and
 * where a drop would go now. The handlers read the latest outline through a ref, so they stay the
 * same objects and the (memoised) items do not re-render whenever the page does.
 */
export function useOutlineDragAndDrop(
  enabled: boolean,
  current: Latest,
): { dnd: OutlineDnd | null; drop: Drop } {
  const [drop, setDrop] = useState<Drop>(null);
  const dragged = useRef<string | null>(null);
  const latest = useRef(current);
  useLayoutEffect(() => {
    latest.current = current;
  });
  const dnd = useMemo<OutlineDnd | null>(() => {
    if (!enabled) return null;
    const draggedEntry = () => latest.current.entries.find((e) => e.clauseId === dragged.current);
    return {
      onDragStart: (event, entry) => {
        dragged.current = entry.clauseId;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', latest.current.describe(entry));
      },
      onDragOver: (event, entry) => {
        const from = dragged.current;
        const editor = latest.current.editor;
        if (!from || !editor) return;
        const placement = placementAt(event, entry, draggedEntry());
        if (!editor.can().moveClauseTo(from, entry.clauseId, placement)) {
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
        const placement = placementAt(event, entry, draggedEntry());
        dragged.current = null;
        setDrop(null);
        if (from) latest.current.move(from, entry.clauseId, placement);
      },
      onDragEnd: () => {
        dragged.current = null;
        setDrop(null);
      },
    };
  }, [enabled]);
  return { dnd, drop };
}
