import type { JSONContent } from '@tiptap/core';
import type { ContentMatch, NodeType, Schema } from '@tiptap/pm/model';
import { CLAUSE_KIND_BY_NODE } from '../clauseKinds.js';
import { isValidClauseId } from '../ids/base62.js';
import { isAllowedLinkHref } from '../isAllowedLinkHref.js';
import { isValidBracketOption } from '../marks/bracketOption.js';
import { MARK, NODE } from '../nodeNames.js';
import { policySchema } from '../policySchema.js';
import { checkActionAttrs } from './checkActionAttrs.js';
import type { DocumentProblem } from './DocumentProblem.js';

/**
 * Checks a ProseMirror JSON document against the schema and lists EVERY problem, without
 * changing or dropping anything (ProseMirror's own check stops at the first error, and its
 * parser drops what it does not know). Also checks what the schema cannot express: clause id
 * presence and uniqueness, link schemes, action fields.
 */
export function validateDocument(doc: JSONContent, schema: Schema = policySchema): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const firstPathById = new Map<string, number[]>();
  const report = (problem: DocumentProblem) => problems.push(problem);

  const visit = (node: JSONContent, path: number[], parent: NodeType | null): void => {
    if (!node || typeof node !== 'object' || typeof node.type !== 'string') {
      report({ code: 'invalid_node', message: 'not a node (no type)', path });
      return;
    }
    const nodeType = node.type;
    if (nodeType === NODE.text) {
      if (typeof node.text !== 'string' || node.text === '') {
        report({ code: 'invalid_node', message: 'text node without text', path, nodeType });
      }
      for (const mark of node.marks ?? []) {
        const markType = schema.marks[mark?.type ?? ''];
        if (!markType) {
          report({ code: 'unknown_mark_type', message: `unknown mark "${mark?.type}"`, path, nodeType });
          continue;
        }
        if (parent && !parent.allowsMarkType(markType)) {
          report({
            code: 'mark_not_allowed',
            message: `mark "${markType.name}" not allowed in ${parent.name}`,
            path,
            nodeType,
          });
        }
        if (markType.name === MARK.link && !isAllowedLinkHref(mark.attrs?.href)) {
          report({
            code: 'disallowed_link',
            message: `link target not allowed: ${String(mark.attrs?.href).slice(0, 80)}`,
            path,
            nodeType,
          });
        }
        if (markType.name === MARK.bracketed && !isValidBracketOption(mark.attrs?.option)) {
          report({
            code: 'invalid_attribute',
            message: 'bracketed text with an invalid option label',
            path,
            nodeType,
          });
        }
      }
      return;
    }

    const type = schema.nodes[nodeType];
    if (!type)
      report({ code: 'unknown_node_type', message: `unknown node type "${nodeType}"`, path, nodeType });

    const attrs = (node.attrs ?? {}) as Record<string, unknown>;
    if (type) {
      for (const key of Object.keys(attrs)) {
        if (!type.spec.attrs || !Object.hasOwn(type.spec.attrs, key)) {
          report({
            code: 'unknown_attribute',
            message: `unknown attribute "${key}" on ${nodeType}`,
            path,
            nodeType,
          });
        }
      }
    }
    if (Object.hasOwn(CLAUSE_KIND_BY_NODE, nodeType)) {
      const id = attrs.clauseId;
      if (!isValidClauseId(id)) {
        report({ code: 'missing_clause_id', message: `${nodeType} has no valid clauseId`, path, nodeType });
      } else if (firstPathById.has(id)) {
        report({
          code: 'duplicate_clause_id',
          message: `clauseId ${id} already used at [${firstPathById.get(id)!.join(',')}]`,
          path,
          nodeType,
          clauseId: id,
        });
      } else {
        firstPathById.set(id, path);
      }
    }
    if (nodeType === NODE.action) {
      for (const message of checkActionAttrs(attrs)) {
        report({
          code: 'invalid_attribute',
          message,
          path,
          nodeType,
          clauseId: String(attrs.clauseId ?? ''),
        });
      }
    }

    const children = Array.isArray(node.content) ? node.content : [];
    let match: ContentMatch | null = type ? type.contentMatch : null;
    children.forEach((child, i) => {
      const childPath = [...path, i];
      const childType = child && typeof child === 'object' ? schema.nodes[child.type ?? ''] : undefined;
      if (match && childType) {
        const next = match.matchType(childType);
        if (next) match = next;
        else {
          report({
            code: 'invalid_content',
            message: `${childType.name} not allowed at position ${i} of ${nodeType}`,
            path: childPath,
            nodeType: childType.name,
          });
        }
      }
      visit(child, childPath, type ?? null);
    });
    if (match && !match.validEnd) {
      const missing = match.defaultType?.name ?? 'content';
      report({
        code: 'invalid_content',
        message: `${nodeType} is incomplete (expects ${missing})`,
        path,
        nodeType,
      });
    }
  };

  visit(doc, [], null);
  return problems;
}
