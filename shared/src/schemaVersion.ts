/**
 * Version of the editor's document schema (the node and mark types stored in the Yjs document).
 * Clients announce it when they connect (`?schema=`); the server refuses versions it does not
 * know, so an old tab cannot delete content it does not understand. Bump it whenever a node or
 * mark type is added, removed or changes meaning, and list the versions the server still accepts.
 */
export const SCHEMA_VERSION = 1;
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1];
