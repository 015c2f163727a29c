import { z } from 'zod';
import { Limits } from '../limits.js';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES } from '../documentKinds.js';
import { ROLES } from '../roles.js';

/** A MongoDB ObjectId in its 24-hex-digit form. */
export const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'an id of 24 hexadecimal digits');

export const documentIdParams = z.strictObject({ id: objectId });
export const memberParams = z.strictObject({ id: objectId, userId: objectId });

const title = z.string().trim().min(1).max(Limits.titleMax);

export const createDocumentBody = z.strictObject({
  title,
  kind: z.enum(DOCUMENT_KINDS).optional(),
  language: z.enum(DOCUMENT_LANGUAGES).optional(),
});
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

export const updateDocumentBody = z
  .strictObject({ title: title.optional() })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateDocumentBody = z.infer<typeof updateDocumentBody>;

export const addMemberBody = z.strictObject({
  email: z
    .string()
    .trim()
    .max(Limits.emailMax)
    .pipe(z.email())
    .transform((value) => value.toLowerCase()),
  role: z.enum(ROLES),
});
export type AddMemberBody = z.infer<typeof addMemberBody>;

export const updateMemberBody = z.strictObject({ role: z.enum(ROLES) });
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;
