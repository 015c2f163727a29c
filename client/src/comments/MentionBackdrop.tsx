import { forwardRef } from 'react';
import type { MentionSpan } from './composerMentions';
import './commentComposer.css';

/**
 * Drawn behind the comment text box, in the same font and wrapping, with the text itself
 * invisible: each chosen person's "@Name" shows as a token under the letters the box shows. Hidden
 * from assistive technology, which reads the box (and the "will notify" line below it).
 */
export const MentionBackdrop = forwardRef<HTMLDivElement, { text: string; spans: readonly MentionSpan[] }>(
  function MentionBackdrop({ text, spans }, ref) {
    const parts: React.ReactNode[] = [];
    let last = 0;
    for (const span of spans) {
      parts.push(text.slice(last, span.start));
      parts.push(
        <mark key={span.start} className="mention-token" data-testid="mention-token">
          {text.slice(span.start, span.end)}
        </mark>,
      );
      last = span.end;
    }
    // a final line break needs a character after it to take up its line, as in the text box
    parts.push(`${text.slice(last)}\u200b`);
    return (
      <div ref={ref} className="comment-composer__backdrop" aria-hidden="true">
        {parts}
      </div>
    );
  },
);
