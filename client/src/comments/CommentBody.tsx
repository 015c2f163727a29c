import { Fragment, type ReactNode } from 'react';
import { parseCommentBody } from '@accord/shared';

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/**
 * A comment's text, rendered as React text nodes: line breaks as <br>, http(s)/mailto links as
 * <a>, mentions as names. No user text is ever parsed as HTML.
 */
export function CommentBody({ body }: { body: string }) {
  const out: ReactNode[] = [];
  parseCommentBody(body).forEach((token, i) => {
    if (token.type === 'mention') {
      out.push(
        <span key={i} className="comment-mention" data-user-id={token.userId}>
          @{token.name}
        </span>,
      );
    } else if (token.type === 'link' && SAFE_HREF.test(token.href)) {
      out.push(
        <a key={i} href={token.href} target="_blank" rel="noopener noreferrer nofollow ugc">
          {token.text}
        </a>,
      );
    } else {
      const text = token.type === 'link' ? token.text : token.text;
      const lines = text.split('\n');
      out.push(
        <Fragment key={i}>
          {lines.map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </Fragment>,
      );
    }
  });
  return <div className="comment__body">{out}</div>;
}
