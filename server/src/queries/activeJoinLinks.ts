import { JoinLink, type JoinLinkRecord } from '../models/JoinLink.js';
import { JoinLinkRevocation } from '../models/JoinLinkRevocation.js';
import { User } from '../models/User.js';

export interface ActiveJoinLink {
  link: JoinLinkRecord;
  creatorName: string;
}

/** The document's join links that are neither revoked nor expired, newest first. */
export async function activeJoinLinks(documentId: string, now = new Date()): Promise<ActiveJoinLink[]> {
  const [links, revocations] = await Promise.all([
    JoinLink.find({ documentId }).lean(),
    JoinLinkRevocation.find({ documentId }, { _id: 1 }).lean(),
  ]);
  const revoked = new Set(revocations.map((r) => r._id));
  const active = links
    .filter((l) => l.documentId.equals(documentId) && l.expiresAt > now && !revoked.has(l._id.toHexString()))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const creators = new Map<string, string>();
  for (const id of new Set(active.map((l) => l.createdBy.toHexString()))) {
    const user = await User.findById(id, { name: 1 }).lean();
    creators.set(id, user?.name ?? '');
  }
  return active.map((link) => ({ link, creatorName: creators.get(link.createdBy.toHexString()) ?? '' }));
}
