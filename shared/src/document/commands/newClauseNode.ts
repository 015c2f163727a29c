import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { NODE } from '../nodeNames.js';

export type InsertableKind = 'chapter' | 'article' | 'paragraph' | 'point' | 'objective' | 'action' | 'annex';

/**
 * An empty clause ready to type into, without clauseIds: the ClauseIds plugin assigns them in
 * the same update, so the ids are chosen in exactly one place.
 */
export function newClauseNode(schema: Schema, kind: InsertableKind): PMNode {
  const n = schema.nodes;
  const heading = () => n[NODE.clauseHeading]!.create();
  const paragraph = () => n[NODE.paragraph]!.create();
  const numbered = () => n[NODE.numberedParagraph]!.create(null, paragraph());
  const article = () => n[NODE.article]!.create(null, [heading(), numbered()]);
  switch (kind) {
    case 'chapter':
      return n[NODE.chapter]!.create(null, [heading(), article()]);
    case 'article':
      return article();
    case 'paragraph':
      return numbered();
    case 'point':
      return n[NODE.point]!.create(null, paragraph());
    case 'objective':
      return n[NODE.objective]!.create(null, [heading(), n[NODE.action]!.create(null, heading())]);
    case 'action':
      return n[NODE.action]!.create(null, heading());
    case 'annex':
      return n[NODE.annex]!.create(null, [heading(), paragraph()]);
  }
}
