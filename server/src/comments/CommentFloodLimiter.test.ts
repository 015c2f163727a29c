import { describe, expect, it } from 'vitest';
import { formatMention } from '@accord/shared';
import { CommentFloodLimiter } from './CommentFloodLimiter.js';
import { localLimiters } from '../security/WindowLimiter.js';
import { CommentRateLimited } from '../errors/CommentRateLimited.js';
import { MentionRateLimited } from '../errors/MentionRateLimited.js';

const a = '0123456789abcdef01234567';
const b = '0123456789abcdef01234568';
const c = '0123456789abcdef01234569';
const limits = { maxComments: 2, commentWindowMs: 60_000, maxMentions: 2, mentionWindowMs: 60_000 };

describe('CommentFloodLimiter', async () => {
  it('counts new comments per user and document', async () => {
    const floods = new CommentFloodLimiter(limits, localLimiters);
    const write = { actorId: a, documentId: 'd1', isNew: true, body: 'hi' };
    await floods.admit(write);
    await floods.admit(write);
    await expect(floods.admit(write)).rejects.toThrow(CommentRateLimited);
    await floods.admit({ ...write, documentId: 'd2' });
    await floods.admit({ ...write, actorId: b });
    // edits are not new comments
    await floods.admit({ ...write, isNew: false });
  });

  it('counts people newly mentioned, not oneself nor those the edited revision mentioned already', async () => {
    const floods = new CommentFloodLimiter(limits, localLimiters);
    const both = `${formatMention('B', b)} ${formatMention('C', c)} ${formatMention('A', a)}`;
    await floods.admit({ actorId: a, documentId: 'd', isNew: false, body: both });
    await floods.admit({
      actorId: a,
      documentId: 'd',
      isNew: false,
      body: `${both} again`,
      previousBody: both,
    });
    await expect(
      floods.admit({ actorId: a, documentId: 'd', isNew: true, body: formatMention('B', b) }),
    ).rejects.toThrow(MentionRateLimited);
    // the refused comment did not count against the comment limit
    await floods.admit({ actorId: a, documentId: 'd', isNew: true, body: 'x' });
    await floods.admit({ actorId: a, documentId: 'd', isNew: true, body: 'y' });
  });
});
