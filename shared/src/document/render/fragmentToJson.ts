import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { Limits } from '../../limits.js';

/**
 * Deepest element rendered as a node (each node is two levels of JSON: itself and its content):
 * the renderers after this one recurse, and must not overflow the stack on a document stored
 * before the collaboration server refused deep nesting (Limits.documentNestingMax).
 */
const RENDER_DEPTH_MAX = Limits.contentJsonDepthMax / 2;

// y-prosemirror stores overlapping marks as "name--<8-char hash>"; the mark name is the prefix.
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;
const markName = (attribute: string) => HASHED_MARK_NAME.exec(attribute)?.[1] ?? attribute;

function serialize(item: unknown, depth: number): JSONContent[] {
  if (item instanceof Y.XmlText) {
    return (item.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((delta) => {
      if (typeof delta.insert !== 'string') {
        // embeds are never written by the editor; keep them visible as an unknown node
        return { type: 'yEmbed', attrs: { value: delta.insert } };
      }
      const text: JSONContent = { type: 'text', text: delta.insert };
      if (delta.attributes) {
        text.marks = Object.entries(delta.attributes).map(([name, attrs]) => {
          const mark: { type: string; attrs?: Record<string, unknown> } = { type: markName(name) };
          if (attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0)
            mark.attrs = attrs as Record<string, unknown>;
          return mark;
        });
      }
      return text;
    });
  }
  if (item instanceof Y.XmlElement) {
    if (depth > RENDER_DEPTH_MAX) return [tooDeep(item)];
    const node: JSONContent = { type: item.nodeName };
    const attrs = item.getAttributes() as Record<string, unknown>;
    if (Object.keys(attrs).length > 0) node.attrs = attrs;
    const children = item.toArray().flatMap((child) => serialize(child, depth + 1));
    if (children.length > 0) node.content = children;
    return [node];
  }
  return [{ type: 'yUnknown' }];
}

/**
 * ProseMirror JSON of the editor content in a Y.Doc (Tiptap's Collaboration field, `default`).
 *
 * Same mapping as y-tiptap's `yXmlFragmentToProsemirrorJSON` (element name → node type,
 * attributes → attrs, text attributes → marks), but written here against yjs alone because the
 * schema-aware y-tiptap converters (`yXmlFragmentToProseMirrorRootNode`, …) DELETE every Yjs
 * element that does not fit the schema — on the server that would silently destroy content for
 * every client. This never changes the Y.Doc and never drops anything; check the result with
 * validateDocument / renderCanonical, which report what does not fit.
 */
export function fragmentToJson(ydoc: Y.Doc, field = 'default'): JSONContent {
  const fragment = ydoc.getXmlFragment(field);
  return { type: 'doc', content: fragment.toArray().flatMap((child) => serialize(child, 1)) };
}

/**
 * An element nested too deep to render as nodes: one unknown node holding its text (read without
 * recursion), so that nothing is dropped and validateDocument reports it.
 */
function tooDeep(element: Y.XmlElement): JSONContent {
  const texts: string[] = [];
  const stack: unknown[] = [element];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Y.XmlText) {
      for (const delta of item.toDelta() as { insert: unknown }[]) {
        if (typeof delta.insert === 'string') texts.push(delta.insert);
      }
    } else if (item instanceof Y.XmlElement) stack.push(...item.toArray().reverse());
  }
  const text = texts.join('');
  return { type: 'yTooDeep', ...(text ? { content: [{ type: 'text', text }] } : {}) };
}
