/** ProseMirror's own defaults: scroll when the caret is past the edge, then leave 5 px. */
const THRESHOLD = 0;
const MARGIN = 5;

/** The bottom bar's height, with a little room (the caret's rectangle is shorter than its line). */
const aboveBar = () => {
  const bar = document.querySelector('.phone-bar');
  return bar ? bar.getBoundingClientRect().height + 16 : null;
};

/**
 * The editor's `scrollThreshold` and `scrollMargin` (ProseMirror reads them each time it scrolls
 * the caret into view): on a phone the caret stays above the bottom bar, never under it; without
 * the bar they are ProseMirror's defaults.
 */
export const phoneScrollThreshold = {
  top: THRESHOLD,
  left: THRESHOLD,
  right: THRESHOLD,
  get bottom(): number {
    return aboveBar() ?? THRESHOLD;
  },
};

export const phoneScrollMargin = {
  top: MARGIN,
  left: MARGIN,
  right: MARGIN,
  get bottom(): number {
    return aboveBar() ?? MARGIN;
  },
};
