import type { JSONContent } from '@tiptap/core';
import { NODE } from '../nodeNames.js';

/**
 * Plain text of a JSON node: inline content concatenated (hard breaks as "\n"), block children
 * joined by "\n". Unknown node types contribute their text too — content is never dropped.
 */
export function plainText(node: JSONContent | undefined): string {
  if (!node || typeof node !== 'object') return '';
  if (node.type === NODE.text) return typeof node.text === 'string' ? node.text : '';
  if (node.type === NODE.hardBreak) return '\n';
  const children = Array.isArray(node.content) ? node.content : [];
  const inline = children.some((c) => c?.type === NODE.text || c?.type === NODE.hardBreak);
  return children.map(plainText).join(inline ? '' : '\n');
}
