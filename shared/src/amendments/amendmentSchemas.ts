import { z } from 'zod';
import { objectId } from '../schemas/documents.js';
import { isAllowedLinkHref } from '../document/isAllowedLinkHref.js';
import { ACTION_STATUSES } from '../document/actionStatuses.js';
import { isValidBracketOption } from '../document/marks/bracketOption.js';
import { AmendmentLimits as L } from './amendmentLimits.js';
import { AMENDMENT_POSITIONS, AMENDMENT_STATES, INSERTABLE_CLAUSE_TYPES } from './amendmentValues.js';
import { contentText, type ClauseContent } from './ClauseContent.js';

const clauseId = z.string().regex(/^[0-9A-Za-z]{10,32}$/, 'a clause id (10–32 letters and digits)');

// no control characters in clause text: line breaks separate textblocks, they are not text
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_NOTE = /[\u0000-\u0008\u000B-\u001F\u007F]/;

const mark = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({
    type: z.literal('link'),
    attrs: z.strictObject({
      href: z.string().max(L.hrefMax).refine(isAllowedLinkHref, 'links must be http:, https: or mailto:'),
    }),
  }),
  z.strictObject({
    type: z.literal('bracketed'),
    attrs: z.strictObject({
      option: z
        .string()
        .nullable()
        .refine(isValidBracketOption, 'a short label without brackets or control characters'),
    }),
  }),
]);

const textRun = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(L.proposalTextMax)
    .refine((value) => !CONTROL.test(value), 'control characters are not allowed'),
  marks: z
    .array(mark)
    .max(4)
    .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, 'a mark appears twice')
    .optional(),
});

const block = z.array(textRun).max(L.runsPerBlockMax);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const fieldText = z
  .string()
  .max(L.fieldMax)
  .refine((value) => !CONTROL.test(value), 'control characters are not allowed');

export const actionFieldsInput = z.strictObject({
  leadOrganisations: z.array(fieldText).max(L.fieldItemsMax),
  partners: z.array(fieldText).max(L.fieldItemsMax),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  indicator: fieldText,
  status: z.enum(ACTION_STATUSES),
});

/** A clause's proposed wording (see ClauseContent), checked against the schema on the server too. */
export const clauseContentInput = z
  .strictObject({
    heading: block.nullable(),
    paragraphs: z.array(block).max(L.proposalBlocksMax),
    fields: actionFieldsInput.optional(),
  })
  .refine(
    (content) => contentText(content as ClauseContent).length <= L.proposalTextMax,
    `at most ${L.proposalTextMax} characters of text`,
  );

const noteText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .refine((value) => value.trim().length > 0, 'required')
    .refine((value) => !CONTROL_IN_NOTE.test(value), 'control characters are not allowed');

export const justificationText = noteText(L.justificationMax);

/** POST /api/documents/:id/amendments */
export const tableAmendmentBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('replace'),
    clauseId,
    proposal: clauseContentInput,
    justification: justificationText,
  }),
  z.strictObject({
    kind: z.literal('insert'),
    clauseId,
    position: z.enum(AMENDMENT_POSITIONS),
    /** the new clause's node type: the same as the clause it goes next to; inside: one it holds */
    clauseType: z.enum(INSERTABLE_CLAUSE_TYPES),
    proposal: clauseContentInput,
    justification: justificationText,
  }),
  z.strictObject({ kind: z.literal('delete'), clauseId, justification: justificationText }),
]);
export type TableAmendmentBody = z.infer<typeof tableAmendmentBody>;

/** POST …/amendments/:amendmentId/revise (the author; against the current text) */
export const reviseAmendmentBody = z.strictObject({
  proposal: clauseContentInput.optional(),
  justification: justificationText.optional(),
});

/** POST …/amendments/:amendmentId/decision (coordinators) */
export const decideAmendmentBody = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('accept'),
    /** accept with changes: the wording to apply instead of the proposal */
    proposal: clauseContentInput.optional(),
    note: noteText(L.reasonMax).optional(),
  }),
  z.strictObject({ decision: z.literal('reject'), reason: noteText(L.reasonMax) }),
]);
export type DecideAmendmentBody = z.infer<typeof decideAmendmentBody>;

export const amendmentParams = z.strictObject({ id: objectId, amendmentId: objectId });

/** GET /api/documents/:id/amendments */
export const listAmendmentsQuery = z.strictObject({
  status: z.enum(AMENDMENT_STATES).optional(),
  organisation: objectId.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  clauseId: clauseId.optional(),
  author: objectId.optional(),
});
export type ListAmendmentsQuery = z.infer<typeof listAmendmentsQuery>;

/** POST …/cosponsor and …/withdraw take no fields */
export const emptyAmendmentBody = z.strictObject({});

export const AMENDMENT_EXPORT_FORMATS = ['html', 'docx', 'csv'] as const;

/** GET /api/documents/:id/amendments/export?format=…, with the list's filters */
export const exportAmendmentsQuery = listAmendmentsQuery.extend({ format: z.enum(AMENDMENT_EXPORT_FORMATS) });
