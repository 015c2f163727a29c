import mongoose from 'mongoose';
import { MailMessage } from './MailMessage.js';
import { MailAttempt, MailAttemptOutcome } from './MailAttempt.js';

/** messages deleted per round: a long-neglected outbox is pruned in bounded steps */
const BATCH = 500;

/**
 * Deletes the outbox's messages written more than `retentionMs` ago, with their attempts and
 * outcomes (MAIL_RETENTION_SECONDS, 30 days by default: long after every retry has ended). The
 * outbox holds sealed single-use links and addresses; it is not an archive. Attempts and outcomes
 * go first, so a prune cut short leaves whole messages for the next one. Returns how many went.
 */
export async function pruneMailOutbox(retentionMs: number, now = Date.now()): Promise<number> {
  const before = new Date(now - retentionMs);
  let pruned = 0;
  for (;;) {
    const old = await MailMessage.find({ createdAt: mongoose.trusted({ $lt: before }) }, { _id: 1 })
      .limit(BATCH)
      .lean();
    if (old.length === 0) return pruned;
    const ids = mongoose.trusted({ $in: old.map((message) => message._id) });
    await MailAttempt.deleteMany({ messageId: ids });
    await MailAttemptOutcome.deleteMany({ messageId: ids });
    await MailMessage.deleteMany({ _id: ids });
    pruned += old.length;
    if (old.length < BATCH) return pruned;
  }
}
