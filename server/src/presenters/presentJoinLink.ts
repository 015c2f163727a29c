import type { PresentedJoinLink } from '@accord/shared';
import type { JoinLinkRecord } from '../models/JoinLink.js';
import { presentedName } from '../queries/formerMembers.js';

/** A join link as the document's coordinators see it (never its token: only its hash is kept). */
export function presentJoinLink(link: JoinLinkRecord, creatorName: string): PresentedJoinLink {
  return {
    id: link._id.toHexString(),
    role: link.role,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    createdBy: { id: link.createdBy.toHexString(), name: presentedName(link.createdBy, creatorName) },
  };
}
