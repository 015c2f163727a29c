/**
 * Permissions are decided here and nowhere else (DESIGN.md §3, §5.1): REST routes and the
 * collaboration socket's upgrade both call these.
 */
export { roleOn } from './roleOn.js';
export { authorizeDocument, type AuthorizedDocument } from './authorizeDocument.js';
export { abilitiesFor, type Abilities, type Role } from '@accord/shared';
