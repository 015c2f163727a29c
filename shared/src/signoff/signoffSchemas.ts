import { z } from 'zod';
import { objectId } from '../schemas/documents.js';
import { versionNumber } from '../schemas/versions.js';
import { stripBidiControls } from '../stripBidiControls.js';
import { SIGNOFF_DECISIONS, SIGNOFF_NOTE_MAX, SIGNOFF_ORGANISATIONS_MAX } from './signoffValues.js';

const note = z.string().transform(stripBidiControls).pipe(z.string().trim().max(SIGNOFF_NOTE_MAX));

export const signoffParams = z.strictObject({ id: objectId, number: versionNumber });

/** POST /api/documents/:id/versions/:number/signoff: the organisations that must endorse. */
export const openSignoffBody = z.strictObject({
  organisationIds: z
    .array(objectId)
    .min(1)
    .max(SIGNOFF_ORGANISATIONS_MAX)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each organisation once' }),
  note: note.optional(),
});
export type OpenSignoffBody = z.infer<typeof openSignoffBody>;

/** POST /api/documents/:id/versions/:number/signoff/decisions: declining says why. */
export const signoffDecisionBody = z
  .strictObject({ decision: z.enum(SIGNOFF_DECISIONS), note: note.optional() })
  .refine((body) => body.decision === 'endorse' || (body.note ?? '').length > 0, {
    message: 'declining needs a note',
    path: ['note'],
  });
export type SignoffDecisionBody = z.infer<typeof signoffDecisionBody>;
