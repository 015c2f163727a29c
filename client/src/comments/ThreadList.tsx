import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionCandidate } from './CommentComposer';
import type { DocumentComments } from './DocumentComments';
import type { LiveThread } from './orderThreads';
import { ThreadCard } from './ThreadCard';

/** Threads render in pages as the reader scrolls: a thousand comments open quickly. */
const PAGE = 60;

interface ThreadListProps {
  listRef: React.RefObject<HTMLOListElement | null>;
  threads: LiveThread[];
  comments: DocumentComments;
  members: MentionCandidate[];
  activeId: string | null;
}

/** The threads shown, a page at a time (always far enough to include the active one). */
export function ThreadList({ listRef, threads, comments, members, activeId }: ThreadListProps) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const sentinel = useRef<HTMLLIElement>(null);
  const activeIndex = activeId ? threads.findIndex((item) => item.thread.id === activeId) : -1;
  const shown = Math.max(limit, activeIndex + 10);

  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((value) => value + PAGE);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown, threads.length]);

  if (threads.length === 0) return null;
  return (
    <ol ref={listRef} className="comments-sidebar__list" aria-label={t('comments.listLabel')}>
      {threads.slice(0, shown).map((item) => (
        <li key={item.thread.id}>
          <ThreadCard
            live={item}
            comments={comments}
            members={members}
            active={item.thread.id === activeId}
          />
        </li>
      ))}
      {shown < threads.length && (
        <li ref={sentinel} className="comments-sidebar__more">
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => setLimit((v) => v + PAGE)}
          >
            {t('comments.showMore', { count: threads.length - shown })}
          </button>
        </li>
      )}
    </ol>
  );
}
