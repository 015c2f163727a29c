/** IndexedDB database names of documents' offline copies: `accord:<documentId>`. */
export const OFFLINE_COPY_PREFIX = 'accord:';
