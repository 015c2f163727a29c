const COLOUR = /^#[0-9a-f]{3,8}$/i;

/**
 * A collaborator's caret with their name. Hidden from screen readers (it sits inside the text);
 * the presence list names everyone instead.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' ? user.name : '';
  const color = typeof user.color === 'string' && COLOUR.test(user.color) ? user.color : '#4d5761';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}
