const PATHS = {
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  outdent: 'M21 5H3M21 19H3M21 12h-9M7 8l-4 4 4 4',
  indent: 'M21 5H3M21 19H3M21 12h-9M3 8l4 4-4 4',
  moveUp: 'M12 19V5M5 12l7-7 7 7',
  moveDown: 'M12 5v14M19 12l-7 7-7-7',
  delete: 'M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6',
  comment: 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z',
} as const;

/**
 * A small line icon for the editor toolbar (and the outline's comment count); decorative, the
 * control carries the name. Drawn inline, so it shows without any icon or emoji font installed.
 */
export function ToolbarIcon({ name, size = 18 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
