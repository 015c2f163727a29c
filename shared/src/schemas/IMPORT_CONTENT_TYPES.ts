/** Content types POST /api/imports/preview reads, by the importer that reads them. */
export const IMPORT_CONTENT_TYPES = {
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  markdown: ['text/markdown', 'text/x-markdown', 'text/plain'],
} as const;
