/**
 * Bidirectional formatting controls: embeddings and overrides (U+202A–U+202E, e.g. RIGHT-TO-LEFT
 * OVERRIDE), isolates (U+2066–U+2069) and the implicit marks (U+200E, U+200F, U+061C).
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Removes bidi controls from a short single-line text (a title, a person's or an organisation's
 * name): in such names they only serve to make text display as something else (`exe.pdf` shown
 * as `fdp.exe`), and an override left open runs into whatever the page shows after it.
 * Right-to-left scripts themselves are untouched: browsers lay them out without controls.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
