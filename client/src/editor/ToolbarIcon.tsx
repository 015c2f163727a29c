const PATHS = {
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  outdent: 'M21 5H3M21 19H3M21 12h-9M7 8l-4 4 4 4',
  indent: 'M21 5H3M21 19H3M21 12h-9M3 8l4 4-4 4',
  moveUp: 'M12 19V5M5 12l7-7 7 7',
  moveDown: 'M12 5v14M19 12l-7 7-7-7',
} as const;

/** A small line icon for the editor toolbar; decorative, the button carries the name. */
export function ToolbarIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="18"
      height="18"
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
