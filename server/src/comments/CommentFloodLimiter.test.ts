import { describe, expect, it } from 'vitest';
import { formatMention } from '@accord/shared';
import { CommentFloodLimiter } from './CommentFloodLimiter.js';
import { CommentRateLimited } from '../errors/CommentRateLimited.js';
import { MentionRateLimited } from '../errors/MentionRateLimited.js';

const a = '0123456789abcdef01234567';
const b = '0123456789abcdef01234568';
const c = '0123456789abcdef01234569';
const limits = { maxComments: 2, commentWindowMs: 60_000, maxMentions: 2, mentionWindowMs: 60_000 };

describe('CommentFloodLimiter', () => {
  it('counts new comments per user and document', () => {
    const floods = new CommentFloodLimiter(limits);
    const write = { actorId: a, documentId: 'd1', isNew: true, body: 'hi' };
    floods.admit(write);
    floods.admit(write);
    expect(() => floods.admit(write)).toThrow(CommentRateLimited);
    floods.admit({ ...write, documentId: 'd2' });
    floods.admit({ ...write, actorId: b });
    // edits are not new comments
    floods.admit({ ...write, isNew: false });
  });

  it('counts people newly mentioned, not oneself nor those the edited revision mentioned already', () => {
    const floods = new CommentFloodLimiter(limits);
    const both = `${formatMention('B', b)} ${formatMention('C', c)} ${formatMention('A', a)}`;
    floods.admit({ actorId: a, documentId: 'd', isNew: false, body: both });
    floods.admit({ actorId: a, documentId: 'd', isNew: false, body: `${both} again`, previousBody: both });
    expect(() =>
      floods.admit({ actorId: a, documentId: 'd', isNew: true, body: formatMention('B', b) }),
    ).toThrow(MentionRateLimited);
    // the refused comment did not count against the comment limit
    floods.admit({ actorId: a, documentId: 'd', isNew: true, body: 'x' });
    floods.admit({ actorId: a, documentId: 'd', isNew: true, body: 'y' });
  });
});
