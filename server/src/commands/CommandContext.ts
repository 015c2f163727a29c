import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';

/** What every command gets from the route that runs it. */
export interface CommandContext {
  logger: Logger;
  collab: CollabControl;
  /** the user on whose behalf the command runs */
  actor: AuthenticatedUser;
}
