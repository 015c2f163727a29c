/**
 * Version of the editor's document schema (the node and mark types stored in the Yjs document).
 * Clients announce it when they connect (`?schema=`); the server refuses versions it does not
 * know, so an old tab cannot delete content it does not understand. Bump it whenever a node or
 * mark type is added, removed or changes meaning, and list the versions the server still accepts.
 */
// 2: the `bracketed` mark (issue 16). A version-1 tab would delete text carrying it, so it must reload.
export const SCHEMA_VERSION = 2;
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [2];
