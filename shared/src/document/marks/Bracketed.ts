import { Mark, mergeAttributes } from '@tiptap/core';
import { MARK } from '../nodeNames.js';
import { isValidBracketOption } from './bracketOption.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bracketed: {
      /** Brackets the selection: wording still under negotiation, optionally one alternative ("Option A"). */
      setBracketed: (option?: string | null) => ReturnType;
      /** Removes the brackets from the selection. */
      unsetBracketed: () => ReturnType;
    };
  }
}

/**
 * Bracketed text (issue 16): wording not yet agreed, kept in square brackets, optionally labelled
 * as one of several alternative wordings ("Option A", "Option B"). A mark, stored in the Yjs text
 * like bold; not inclusive, so typing after a bracketed span is not bracketed. Exports print plain
 * brackets; Akoma Ntoso wraps the span in `<inline name="bracketed">`.
 */
export const Bracketed = Mark.create({
  name: MARK.bracketed,
  // above link's 1000: the outermost mark, so a span with bold or a link inside stays one span
  priority: 1001,
  inclusive: false,
  addAttributes() {
    return {
      option: {
        default: null,
        parseHTML: (element) => {
          const option = element.getAttribute('data-option');
          return isValidBracketOption(option) ? option : null;
        },
        renderHTML: (attributes) =>
          typeof attributes.option === 'string' ? { 'data-option': attributes.option } : {},
      },
    };
  },
  parseHTML: () => [{ tag: 'span[data-bracketed]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { 'data-bracketed': '', class: 'bracketed' }),
    0,
  ],
  addCommands() {
    return {
      setBracketed:
        (option) =>
        ({ commands }) => {
          const label = typeof option === 'string' ? option.trim() : '';
          return commands.setMark(this.name, { option: label && isValidBracketOption(label) ? label : null });
        },
      unsetBracketed:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name),
    };
  },
});
