import { JoinLink, type JoinLinkRecord } from '../models/JoinLink.js';
import { JoinLinkRevocation } from '../models/JoinLinkRevocation.js';
import { hashSecretToken } from '../auth/secretToken.js';
import { JoinLinkExpired, JoinLinkRevoked, JoinLinkUnknown } from '../errors/JoinLinkClosed.js';
import { isDocumentDeleted } from './isDocumentDeleted.js';

/**
 * The join link a token stands for, if it can still be used: unknown tokens and links of deleted
 * documents are 404 join_link_unknown, revoked links 410 join_link_revoked, expired ones 410
 * join_link_expired.
 */
export async function findJoinLinkByToken(token: string, now = new Date()): Promise<JoinLinkRecord> {
  const tokenHash = hashSecretToken(token);
  const link = await JoinLink.findOne({ tokenHash }).lean();
  if (!link || link.tokenHash !== tokenHash) throw new JoinLinkUnknown();
  const [revoked, deleted] = await Promise.all([
    JoinLinkRevocation.exists({ _id: link._id.toHexString() }),
    isDocumentDeleted(link.documentId.toHexString()),
  ]);
  if (deleted) throw new JoinLinkUnknown();
  if (revoked) throw new JoinLinkRevoked();
  if (link.expiresAt <= now) throw new JoinLinkExpired();
  return link;
}
