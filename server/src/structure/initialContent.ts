import {
  Limits,
  NODE,
  repairClauseIds,
  templates,
  validateDocument,
  type CreateDocumentBody,
  type DocumentKind,
  type DocumentLanguage,
  type ImportPreview,
  type TemplateId,
} from '@accord/shared';
import { InvalidContent } from '../errors/InvalidContent.js';
import { exceedsJsonDepth } from './exceedsJsonDepth.js';

/** ProseMirror JSON of a whole document. */
type JSONContent = ImportPreview['json'];

const TEMPLATE_BY_KIND: Record<DocumentKind, TemplateId> = {
  agreement: 'agreement',
  action_plan: 'action_plan',
  other: 'blank',
};

/**
 * The editor content a new document starts with: the imported `content` (checked against the
 * schema, clause ids repaired, its title line set to the document's title) or the template
 * (default by kind). Throws InvalidContent when imported content does not fit the schema: it is
 * refused whole rather than stored and then silently cut down by the editors.
 */
export function initialContent(
  input: Pick<CreateDocumentBody, 'title' | 'template' | 'content'>,
  kind: DocumentKind,
  language: DocumentLanguage,
): JSONContent {
  if (!input.content) {
    return templates[input.template ?? TEMPLATE_BY_KIND[kind]].build({ language, title: input.title });
  }
  if (exceedsJsonDepth(input.content, Limits.contentJsonDepthMax)) {
    throw new InvalidContent(
      `The content nests deeper than ${Limits.contentJsonDepthMax} levels of objects and arrays.`,
    );
  }
  const { json } = repairClauseIds(input.content as JSONContent);
  const first = json.content?.[0];
  if (first?.type === NODE.title) first.content = [{ type: NODE.text, text: input.title }];
  const problems = validateDocument(json);
  if (problems.length > 0) {
    throw new InvalidContent(
      `The content does not fit the document schema (${problems.length} problem(s)).`,
      problems,
    );
  }
  return json;
}
