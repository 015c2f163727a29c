import type { TextMatch } from '@accord/shared';

interface HighlightedProps {
  text: string;
  match: TextMatch | null;
  cutBefore?: boolean;
  cutAfter?: boolean;
}

/** A snippet with its match in <mark> (as text: snippets are never HTML). */
export function Highlighted({ text, match, cutBefore, cutAfter }: HighlightedProps) {
  return (
    <>
      {cutBefore && '… '}
      {match ? (
        <>
          {text.slice(0, match.start)}
          <mark>{text.slice(match.start, match.end)}</mark>
          {text.slice(match.end)}
        </>
      ) : (
        text
      )}
      {cutAfter && ' …'}
    </>
  );
}
