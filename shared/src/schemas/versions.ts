import { z } from 'zod';
import { objectId } from './documents.js';
import { stripBidiControls } from '../stripBidiControls.js';
import { WORKFLOW_STATES, EXPORT_FORMATS, DISPOSITION_REPORT_FORMATS } from './versionValues.js';

// the values live in a module without zod, so that the client's bundle does not carry zod
export { WORKFLOW_STATES, EXPORT_FORMATS, DISPOSITION_REPORT_FORMATS };
export type { WorkflowState, ExportFormat, DispositionReportFormat } from './versionValues.js';

const versionName = z.string().transform(stripBidiControls).pipe(z.string().trim().min(1).max(200));
const note = z.string().trim().max(2000);

/** A version number in a path or query: 1, 2, 3 … */
export const versionNumber = z.coerce.number().int().min(1).max(1_000_000);

export const createVersionBody = z.strictObject({ name: versionName, note: note.optional() });
export type CreateVersionBody = z.infer<typeof createVersionBody>;

export const versionParams = z.strictObject({ id: objectId, number: versionNumber });

export const proposalParams = z.strictObject({ id: objectId, proposalId: objectId });

/** Confirming a proposed freeze may rename it. */
export const confirmProposalBody = z.strictObject({ name: versionName.optional(), note: note.optional() });

/** `live` or a version number. */
const versionRef = z.union([z.literal('live'), versionNumber]);
export type VersionRef = z.infer<typeof versionRef>;

export const compareQuery = z
  .strictObject({ from: versionRef, to: versionRef.default('live') })
  .refine((q) => q.from !== q.to, { message: 'compare two different versions', path: ['to'] });

export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  version: versionRef.default('live'),
});

/** GET /api/documents/:id/dispositions */
export const dispositionReportQuery = z.strictObject({
  format: z.enum(DISPOSITION_REPORT_FORMATS),
  version: versionRef.default('live'),
});

export const workflowBody = z.strictObject({
  to: z.enum(['drafting', 'review', 'final']),
  /**
   * The state the client saw: the change is refused with 409 when the document is no longer in
   * it (someone else changed it meanwhile), so of two coordinators acting on the same view one wins.
   */
  from: z.enum(WORKFLOW_STATES).optional(),
  note: note.optional(),
  /** in review only: lock the text (comments stay open) */
  lockText: z.boolean().optional(),
});
export type WorkflowBody = z.infer<typeof workflowBody>;

export const publishBody = z.strictObject({
  version: versionNumber,
  release: z.enum(['major', 'minor']),
  /** publish although the version's sign-off round is not complete, for this recorded reason */
  overrideReason: z.string().trim().min(1).max(2000).optional(),
});

export const publicationParams = z.strictObject({ id: objectId });
export const publicationExportQuery = z.strictObject({ format: z.enum(EXPORT_FORMATS) });
