import type { JSONContent } from '@tiptap/core';
import type { DocumentLanguage } from '../../documentKinds.js';
import { SCHEMA_VERSION } from '../../schemaVersion.js';
import { CLAUSE_KIND_BY_NODE, type ClauseKind } from '../clauseKinds.js';
import { isValidClauseId } from '../ids/base62.js';
import { NODE } from '../nodeNames.js';
import { jsonTreeAdapter } from '../numbering/jsonTreeAdapter.js';
import { numberClauses } from '../numbering/numberClauses.js';
import type { DocumentProblem } from './DocumentProblem.js';
import { plainText } from './plainText.js';
import { validateDocument } from './validateDocument.js';

export interface CanonicalClause {
  /** null only when the stored node has no valid id (also reported in `problems`). */
  clauseId: string | null;
  kind: ClauseKind;
  number: string;
  label: string;
  path: string;
  /** Text of the clause's heading line, or null when it has none. */
  heading: string | null;
  /** The clause's own text, without its heading and without its sub-clauses' text. */
  text: string;
  parentId: string | null;
  depth: number;
  /** Action fields, for actions only (as stored; see `problems` for invalid values). */
  fields?: ActionFields;
}

export interface ActionFields {
  leadOrganisations: string[];
  partners: string[];
  startDate: string | null;
  endDate: string | null;
  indicator: string;
  status: string;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function actionFields(attrs: Record<string, unknown>): ActionFields {
  return {
    leadOrganisations: strings(attrs.leadOrganisations),
    partners: strings(attrs.partners),
    startDate: stringOrNull(attrs.startDate),
    endDate: stringOrNull(attrs.endDate),
    indicator: typeof attrs.indicator === 'string' ? attrs.indicator : '',
    status: typeof attrs.status === 'string' ? attrs.status : 'planned',
  };
}

/** Text that belongs to no clause: preamble formulas, final formula and signatures, loose text. */
export interface CanonicalFreeText {
  /** Child indexes from the root. */
  path: number[];
  /** The enclosing clause, or null at the top level / in the preamble. */
  parentId: string | null;
  text: string;
}

export interface CanonicalDocument {
  schemaVersion: number;
  language: DocumentLanguage;
  title: string;
  /** Every clause in reading order. */
  clauses: CanonicalClause[];
  freeText: CanonicalFreeText[];
  /** The document itself (as given), so exporters and diff can walk the full structure. */
  tree: JSONContent;
  problems: DocumentProblem[];
}

const isClause = (node: JSONContent) => !!node.type && Object.hasOwn(CLAUSE_KIND_BY_NODE, node.type);

/**
 * The one rendering of a stored document that later features build on (outline, diff, export,
 * comments, search): clauses in order with id, kind, computed number, heading and plain text,
 * plus the JSON tree and every schema problem found. Content that does not fit the schema is
 * still rendered (its text is kept) and listed in `problems`.
 */
export function renderCanonical(docJson: JSONContent, language: DocumentLanguage): CanonicalDocument {
  const clauses: CanonicalClause[] = [];
  numberClauses(docJson, jsonTreeAdapter, language, (node, number) => {
    const id: unknown = node.attrs?.clauseId;
    const children = Array.isArray(node.content) ? node.content : [];
    const headingNode = children[0]?.type === NODE.clauseHeading ? children[0] : undefined;
    const isTextblock = children.some((c) => c?.type === NODE.text || c?.type === NODE.hardBreak);
    const own = isTextblock ? [node] : children.filter((c) => c && c !== headingNode && !isClause(c));
    clauses.push({
      clauseId: isValidClauseId(id) ? id : null,
      ...number,
      heading: headingNode ? plainText(headingNode) : null,
      text: isTextblock ? plainText(node) : own.map(plainText).join('\n'),
      ...(number.kind === 'action' ? { fields: actionFields(node.attrs ?? {}) } : {}),
    });
  });

  const freeText: CanonicalFreeText[] = [];
  const collectFree = (node: JSONContent, path: number[], parentId: string | null, inClause: boolean) => {
    (Array.isArray(node.content) ? node.content : []).forEach((child, i) => {
      if (!child || typeof child !== 'object') return;
      if (isClause(child)) {
        const id: unknown = child.attrs?.clauseId;
        collectFree(child, [...path, i], isValidClauseId(id) ? id : parentId, true);
      } else if (child.type === NODE.preamble) {
        collectFree(child, [...path, i], parentId, false);
      } else if (!inClause && child.type !== NODE.title) {
        // inside a clause, loose text is part of the clause's `text` already
        const text = plainText(child);
        if (text) freeText.push({ path: [...path, i], parentId, text });
      }
    });
  };
  collectFree(docJson, [], null, false);

  const titleNode = docJson.content?.find((c) => c?.type === NODE.title);
  return {
    schemaVersion: SCHEMA_VERSION,
    language,
    title: plainText(titleNode),
    clauses,
    freeText,
    tree: docJson,
    problems: validateDocument(docJson),
  };
}
