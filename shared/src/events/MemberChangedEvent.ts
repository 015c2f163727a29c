import type { Role } from '../roles.js';

/** Sent to every connection of the document when a member's role changes or they are removed. */
export interface MemberChangedEvent {
  type: 'member.changed';
  documentId: string;
  userId: string;
  /** null: the membership was removed */
  role: Role | null;
}
