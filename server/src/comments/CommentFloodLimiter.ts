import { extractMentions } from '@accord/shared';
import type { LimiterFactory, WindowLimiter } from '../security/WindowLimiter.js';
import { CommentRateLimited } from '../errors/CommentRateLimited.js';
import { MentionRateLimited } from '../errors/MentionRateLimited.js';

export interface CommentFloodLimits {
  maxComments: number;
  commentWindowMs: number;
  /** people newly @mentioned (each one a notification) */
  maxMentions: number;
  mentionWindowMs: number;
}

export interface CommentWrite {
  actorId: string;
  documentId: string;
  /** a new comment (thread or reply): counts against the comment limit */
  isNew: boolean;
  body: string;
  /** the body of the revision this one replaces: who it mentioned was notified already */
  previousBody?: string | null;
}

/**
 * Limits, per user and document, how many comments they post and how many people they @mention
 * in a window, so one member cannot bury a document's discussion or another member's
 * notifications. Counted like the login limits (see WindowLimiter). Checked after authorization
 * and before the command; a refused write stores nothing and counts nothing.
 */
export class CommentFloodLimiter {
  private readonly comments: WindowLimiter;
  private readonly mentions: WindowLimiter;

  constructor(limits: CommentFloodLimits, limiters: LimiterFactory) {
    this.comments = limiters('comments', {
      maxAttempts: limits.maxComments,
      windowMs: limits.commentWindowMs,
    });
    this.mentions = limiters('mentions', {
      maxAttempts: limits.maxMentions,
      windowMs: limits.mentionWindowMs,
    });
  }

  /** Counts the write, or throws CommentRateLimited / MentionRateLimited (429, Retry-After). */
  async admit(write: CommentWrite): Promise<void> {
    const key = `${write.actorId}\u0000${write.documentId}`;
    const before = new Set(write.previousBody ? extractMentions(write.previousBody) : []);
    // mentioning oneself notifies no one
    const mentioned = extractMentions(write.body).filter((id) => id !== write.actorId && !before.has(id));
    if (write.isNew) {
      const verdict = await this.comments.attempt(key);
      if (!verdict.allowed) throw new CommentRateLimited(verdict.retryAfterMs / 1000);
    }
    if (mentioned.length > 0) {
      const verdict = await this.mentions.attempt(key, mentioned.length);
      if (!verdict.allowed) {
        if (write.isNew) await this.comments.refund(key);
        throw new MentionRateLimited(verdict.retryAfterMs / 1000);
      }
    }
  }
}
