import type { Role } from '../roles.js';

// Zod-free (the client imports these; the request schemas are in joinLinks.ts).

/** Roles a join link can give: every role but coordinator (managing is never handed out by link). */
export const JOIN_LINK_ROLES = ['observer', 'reviewer', 'drafter'] as const satisfies readonly Role[];
export type JoinLinkRole = (typeof JOIN_LINK_ROLES)[number];

/** How long a join link works, in days. */
export const JOIN_LINK_DAYS = [1, 7, 30] as const;
