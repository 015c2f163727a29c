import { z } from 'zod';
import { Limits } from '../limits.js';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES } from '../documentKinds.js';
import { ROLES } from '../roles.js';
import { SUPPORTED_SCHEMA_VERSIONS } from '../schemaVersion.js';
import { stripBidiControls } from '../stripBidiControls.js';
import { TEMPLATE_IDS, type TemplateId } from '../document/templates/templates.js';

/** A MongoDB ObjectId in its 24-hex-digit form. */
export const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'an id of 24 hexadecimal digits');

export const documentIdParams = z.strictObject({ id: objectId });
export const memberParams = z.strictObject({ id: objectId, userId: objectId });

/** without bidi controls (stripBidiControls): a title must display as what it says */
export const documentTitle = z
  .string()
  .transform(stripBidiControls)
  .pipe(z.string().trim().min(1).max(Limits.titleMax));
const title = documentTitle;

/**
 * ProseMirror JSON of a whole document (from POST /api/imports/preview). Only its outer shape is
 * checked here; the server checks the rest against the document schema (400 invalid_content).
 */
export const documentContent = z.looseObject({
  type: z.literal('doc'),
  content: z.array(z.looseObject({ type: z.string() })).min(1),
});

export const createDocumentBody = z
  .strictObject({
    title,
    kind: z.enum(DOCUMENT_KINDS).optional(),
    language: z.enum(DOCUMENT_LANGUAGES).optional(),
    /** default by kind: agreement → agreement, action_plan → action_plan, other → blank */
    template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]).optional(),
    /** the `json` of an import preview; replaces the template */
    content: documentContent.optional(),
  })
  .refine((body) => body.template === undefined || body.content === undefined, {
    message: 'give a template or content, not both',
    path: ['content'],
  });
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

/** GET /api/documents/:id/content: `format=json` (the default) is the only rendering so far. */
export const documentContentQuery = z.strictObject({ format: z.enum(['json']).default('json') });

/** GET /api/documents/:id/state: the editor's schema version, as the collaboration socket asks for it. */
export const documentStateQuery = z.strictObject({
  schema: z.coerce
    .number()
    .int()
    .refine((version) => SUPPORTED_SCHEMA_VERSIONS.includes(version), 'unsupported schema version'),
});

export const updateDocumentBody = z
  .strictObject({ title: title.optional(), public: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateDocumentBody = z.infer<typeof updateDocumentBody>;

export const updateMemberBody = z.strictObject({ role: z.enum(ROLES) });
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

// without zod, for the client's bundle
export { IMPORT_CONTENT_TYPES } from './IMPORT_CONTENT_TYPES.js';
