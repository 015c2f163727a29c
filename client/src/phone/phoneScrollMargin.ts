const MARGIN = 5;

/**
 * The editor's scroll threshold and margin (ProseMirror's `scrollThreshold` and `scrollMargin`,
 * read each time it scrolls the caret into view): on a phone the caret stays above the bottom
 * bar, never under it.
 */
export const phoneScrollMargin = {
  top: MARGIN,
  left: MARGIN,
  right: MARGIN,
  get bottom(): number {
    const bar = document.querySelector('.phone-bar');
    // above the bar, a little room: the caret's rectangle is shorter than its line
    return bar ? bar.getBoundingClientRect().height + 16 : MARGIN;
  },
};
