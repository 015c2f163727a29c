import { describe, expect, it } from 'vitest';
import { extractMentions, formatMention, parseCommentBody } from './commentBody.js';
import { createThreadBody } from '../schemas/comments.js';

const ID = '0123456789abcdef01234567';

describe('comment bodies', () => {
  it('tokenises mentions and links, and leaves markup as text', () => {
    const body = `Hi ${formatMention('Ana [CSO]', ID)}, see https://example.org/a. <img src=x onerror=alert(1)>`;
    expect(parseCommentBody(body)).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'mention', name: 'Ana [CSO ', userId: ID },
      { type: 'text', text: ', see ' },
      { type: 'link', href: 'https://example.org/a', text: 'https://example.org/a' },
      { type: 'text', text: '. <img src=x onerror=alert(1)>' },
    ]);
    expect(extractMentions(body)).toEqual([ID]);
  });

  it('validates bodies: CRLF normalised, empty and control characters refused', () => {
    const anchor = { kind: 'clause', clauseId: 'AAAAAAAAAA01' };
    expect(createThreadBody.parse({ anchor, body: 'a\r\nb' }).body).toBe('a\nb');
    expect(createThreadBody.safeParse({ anchor, body: '  \n ' }).success).toBe(false);
    expect(createThreadBody.safeParse({ anchor, body: 'a\u0000' }).success).toBe(false);
    expect(createThreadBody.safeParse({ anchor, body: { $gt: '' } }).success).toBe(false);
    expect(createThreadBody.safeParse({ anchor, body: 'x', extra: 1 }).success).toBe(false);
    expect(createThreadBody.safeParse({ anchor: { ...anchor, kind: 'range' }, body: 'x' }).success).toBe(
      false,
    );
  });
});
