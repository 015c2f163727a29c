import { z } from 'zod';
import { objectId } from '../schemas/documents.js';
import { stripBidiControls } from '../stripBidiControls.js';
import { CLAUSE_STATUSES, NEGOTIATION_NOTE_MAX, POSITION_STANCES } from './negotiationValues.js';

const clauseId = z.string().regex(/^[0-9A-Za-z]{10,32}$/, 'a clause id (10–32 letters and digits)');
const note = z.string().transform(stripBidiControls).pipe(z.string().trim().max(NEGOTIATION_NOTE_MAX));

export const negotiationClauseParams = z.strictObject({ id: objectId, clauseId });

/** POST /api/documents/:id/clause-statuses */
export const setClauseStatusBody = z.strictObject({
  clauseId,
  status: z.enum(CLAUSE_STATUSES),
  note: note.optional(),
});
export type SetClauseStatusBody = z.infer<typeof setClauseStatusBody>;

/** POST /api/documents/:id/positions: a reservation or an objection says why. */
export const recordPositionBody = z
  .strictObject({ clauseId, stance: z.enum(POSITION_STANCES), note: note.optional() })
  .refine((body) => body.stance === 'support' || (body.note ?? '').length > 0, {
    message: 'a reservation or an objection needs a note',
    path: ['note'],
  });
export type RecordPositionBody = z.infer<typeof recordPositionBody>;

/** GET /api/documents/:id/negotiation/export?format=csv (coordinators: the positions matrix) */
export const exportPositionsQuery = z.strictObject({ format: z.enum(['csv']) });
