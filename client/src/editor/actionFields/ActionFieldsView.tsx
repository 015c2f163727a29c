import { createRoot, type Root } from 'react-dom/client';
import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { ActionFields, type ActionAttrs } from './ActionFields';

/**
 * A ProseMirror node view for `action`: the clause's own content (heading, description) stays
 * ProseMirror's, followed by a small React form for the node's attributes. The form is outside
 * the editable content (contenteditable=false), so its inputs keep their own keys and caret.
 */
export class ActionFieldsView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private readonly fields: HTMLElement;
  private readonly root: Root;
  private node: PMNode;
  private readonly editor: Editor;
  private readonly getPos: () => number | undefined;
  /** whether the fields were last rendered editable */
  private renderedEditable: boolean | null = null;
  // 'update' follows every change of the document (each keystroke) and setEditable: render
  // again only when editability changed, not once per keystroke per action
  private readonly onEditable = () => {
    if (this.renderedEditable !== this.editor.isEditable) this.render();
  };

  constructor({ node, editor, getPos }: NodeViewRendererProps) {
    this.node = node;
    this.editor = editor;
    this.getPos = getPos;
    this.dom = document.createElement('section');
    this.dom.setAttribute('data-type', 'action');
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'action__content';
    this.fields = document.createElement('div');
    this.fields.className = 'action-fields';
    this.fields.contentEditable = 'false';
    this.dom.append(this.contentDOM, this.fields);
    this.root = createRoot(this.fields);
    editor.on('update', this.onEditable);
    this.render();
  }

  private readonly change = (patch: Partial<ActionAttrs>) => {
    const pos = this.getPos();
    if (pos === undefined || !this.editor.isEditable) return;
    const { state, view } = this.editor;
    let tr = state.tr;
    for (const [key, value] of Object.entries(patch)) tr = tr.setNodeAttribute(pos, key, value);
    view.dispatch(tr);
  };

  private render() {
    const attrs = this.node.attrs as ActionAttrs;
    const editable = this.editor.isEditable;
    this.renderedEditable = editable;
    this.root.render(<ActionFields attrs={attrs} editable={editable} onChange={this.change} />);
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const changed = node.attrs !== this.node.attrs;
    this.node = node;
    if (changed) this.render();
    return true;
  }

  stopEvent(event: Event): boolean {
    return event.target instanceof Node && this.fields.contains(event.target);
  }

  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: Node }): boolean {
    if (mutation.type === 'selection') return false;
    // the form is React's; ProseMirror must not re-read it (it would recreate this view)
    return this.fields.contains(mutation.target);
  }

  destroy() {
    this.editor.off('update', this.onEditable);
    // React must not unmount a root while it may be rendering (a node view dies inside updates)
    queueMicrotask(() => this.root.unmount());
  }
}
