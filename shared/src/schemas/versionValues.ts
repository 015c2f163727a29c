/** Workflow and export values, without zod (the client uses them; schemas/versions.ts validates them). */
/** Workflow states of a document, in their usual order. */
export const WORKFLOW_STATES = ['drafting', 'review', 'final', 'published'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Export formats (server/src/exports/exportFormats.ts renders each). */
export const EXPORT_FORMATS = ['html', 'md', 'docx', 'pdf', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats of the disposition-of-comments report (server/src/exports/dispositions/). */
export const DISPOSITION_REPORT_FORMATS = ['html', 'csv', 'docx'] as const;
export type DispositionReportFormat = (typeof DISPOSITION_REPORT_FORMATS)[number];
