/** Roles a member can hold on a document, weakest first (DESIGN.md §3). */
export const ROLES = ['observer', 'reviewer', 'drafter', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export interface Abilities {
  read: boolean;
  /** comment and propose amendments */
  comment: boolean;
  /** change the text of the document */
  edit: boolean;
  /** manage members, freeze versions, publish, rename */
  manage: boolean;
}

const NONE: Abilities = { read: false, comment: false, edit: false, manage: false };

const BY_ROLE: Record<Role, Abilities> = {
  observer: { read: true, comment: false, edit: false, manage: false },
  reviewer: { read: true, comment: true, edit: false, manage: false },
  drafter: { read: true, comment: true, edit: true, manage: false },
  coordinator: { read: true, comment: true, edit: true, manage: true },
};

/** What a member with `role` may do; `null` (not a member) may do nothing. */
export function abilitiesFor(role: Role | null | undefined): Abilities {
  return role ? BY_ROLE[role] : NONE;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
