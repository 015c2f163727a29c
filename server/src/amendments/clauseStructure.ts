import * as Y from 'yjs';
import { Fragment, type Node, type NodeType } from '@tiptap/pm/model';
import { NODE, policySchema, type ClauseContent } from '@accord/shared';

/** A minimal valid node of each type, to check a parent's content expression against. */
const filler = new Map<string, Node | null>();
function fillerOf(type: string): Node | null {
  if (!filler.has(type)) filler.set(type, policySchema.nodes[type]?.createAndFill() ?? null);
  return filler.get(type)!;
}

/** Whether an element (or the root, `doc`) may hold children of these node types in this order. */
export function fitsContent(parentType: string, childTypes: readonly string[]): boolean {
  const type: NodeType | undefined = policySchema.nodes[parentType];
  if (!type) return false;
  const nodes: Node[] = [];
  for (const child of childTypes) {
    const node = fillerOf(child);
    if (!node) return false;
    nodes.push(node);
  }
  return type.validContent(Fragment.from(nodes));
}

export function childTypes(parent: Y.XmlFragment | Y.XmlElement): string[] {
  return parent.toArray().flatMap((child) => (child instanceof Y.XmlElement ? [child.nodeName] : []));
}

export function parentTypeOf(
  element: Y.XmlElement,
): { parent: Y.XmlFragment | Y.XmlElement; type: string } | null {
  const parent = element.parent;
  if (parent instanceof Y.XmlElement) return { parent, type: parent.nodeName };
  if (parent instanceof Y.XmlFragment) return { parent, type: NODE.doc };
  return null;
}

/**
 * The clause's children once its own paragraphs are replaced by `paragraphs` of them: they take
 * the place of the first own paragraph, or follow the heading when it had none.
 */
export function replacedChildTypes(
  clause: Y.XmlElement,
  own: readonly Y.XmlElement[],
  paragraphs: number,
): string[] {
  const children = clause.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement);
  const at =
    own.length > 0 ? children.indexOf(own[0]!) : children[0]?.nodeName === NODE.clauseHeading ? 1 : 0;
  const kept = children.filter((c) => !own.includes(c)).map((c) => c.nodeName);
  const before = own.length > 0 ? children.slice(0, at).filter((c) => !own.includes(c)).length : at;
  return [...kept.slice(0, before), ...Array<string>(paragraphs).fill(NODE.paragraph), ...kept.slice(before)];
}

/** ProseMirror JSON of a clause built from content (a new clause of an insertion). */
export function clauseJson(type: string, content: ClauseContent, clauseId: string): Record<string, unknown> {
  const inline = (runs: ClauseContent['paragraphs'][number]) => runs.map((run) => ({ type: 'text', ...run }));
  const attrs: Record<string, unknown> = { clauseId, ...content.fields };
  if (type === NODE.recital) {
    const text = content.paragraphs.flatMap((p, i) =>
      i > 0 ? [{ type: 'text', text: ' ' }, ...inline(p)] : inline(p),
    );
    return { type, attrs, content: text };
  }
  const children: unknown[] = [];
  if (content.heading) children.push({ type: NODE.clauseHeading, content: inline(content.heading) });
  for (const paragraph of content.paragraphs)
    children.push({ type: NODE.paragraph, content: inline(paragraph) });
  return { type, attrs, content: children };
}

/** Whether content fits the schema as a clause of this type: throws a message when not. */
export function checkClauseJson(json: Record<string, unknown>): void {
  const node = policySchema.nodeFromJSON(json);
  node.check();
}
