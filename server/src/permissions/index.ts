/**
 * Permissions are decided here and nowhere else (DESIGN.md §3, §5.1): REST routes and the
 * collaboration socket's upgrade both call these. Comments: one table of rules
 * (commentPermissions.ts) behind authorizeComment and the presenters.
 */
export { roleOn } from './roleOn.js';
export { authorizeDocument, type AuthorizedDocument } from './authorizeDocument.js';
export { authorizeComment, type FoundComment } from './authorizeComment.js';
export { authorizeNewThread } from './authorizeNewThread.js';
export { authorizePublication, type AuthorizedPublication } from './authorizePublication.js';
export { authorizePublicPage } from './authorizePublicPage.js';
export { abilitiesFor, type Abilities, type Role } from '@accord/shared';
