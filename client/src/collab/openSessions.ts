/**
 * Documents open in this tab, so that signing out can warn about changes the server has not
 * stored yet (signing out deletes the offline copies that hold them). Kept apart from
 * CollabSession so the header does not load the editor's code.
 */
export const openSessions = new Set<{ hasUnsavedChanges(): boolean }>();
