import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { snippetAround } from '@accord/shared';
import type { DocumentComments } from '../comments/DocumentComments';
import { useCommentsState } from '../comments/useCommentsState';
import { Highlighted } from './Highlighted';
import { matchingThreads } from './matchingThreads';
import { searchKey, type SearchState } from './searchPlugin';
import './search.css';

interface DocumentSearchBarProps {
  editor: Editor;
  comments: DocumentComments;
  /** the bar closed (Escape or its button): focus goes back to the text */
  onClose(): void;
}

function useSearchState(editor: Editor): SearchState | undefined {
  return useSyncExternalStore(
    (listener) => {
      editor.on('transaction', listener);
      return () => editor.off('transaction', listener);
    },
    () => searchKey.getState(editor.state),
  );
}

/**
 * Find in this document: every match in the text highlighted, "3 of 12", Enter / Shift+Enter for
 * the next and previous match (scrolled into view), Escape to close; and the comment threads
 * that contain the query, each a button to its thread.
 */
export function DocumentSearchBar({ editor, comments, onClose }: DocumentSearchBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(() => searchKey.getState(editor.state)?.query ?? '');
  const search = useSearchState(editor);
  const { threads } = useCommentsState(comments);
  const threadMatches = useMemo(
    () =>
      matchingThreads(
        threads.map((live) => live.thread),
        query,
      ),
    [threads, query],
  );

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    editor.commands.setSearchQuery(query);
  }, [editor, query]);
  useEffect(() => () => void (editor.isDestroyed || editor.commands.clearSearch()), [editor]);

  const current = search?.current ?? -1;
  const total = search?.matches.length ?? 0;
  // the current match is scrolled into view when it changes (not on every keystroke of others)
  const currentFrom = search?.matches[current]?.from ?? null;
  useEffect(() => {
    if (currentFrom === null) return;
    const element = editor.view.dom.querySelector('[data-search-current]');
    element?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [editor, currentFrom]);

  const step = (by: 1 | -1) => editor.commands.stepSearch(by);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="doc-search" role="search" aria-label={t('search.inDocument.label')}>
      <div className="doc-search__row">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('search.inDocument.label')}
        </label>
        <input
          ref={input}
          id={`${id}-q`}
          type="search"
          value={query}
          placeholder={t('search.inDocument.placeholder')}
          aria-describedby={`${id}-count`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          data-testid="doc-search-input"
        />
        <span id={`${id}-count`} className="doc-search__count" role="status" data-testid="doc-search-count">
          {query.trim()
            ? total === 0
              ? t('search.inDocument.none')
              : t('search.inDocument.position', { current: current + 1, total })
            : ''}
        </span>
        <button
          type="button"
          className="button button--small"
          onClick={() => step(-1)}
          disabled={total === 0}
        >
          <span aria-hidden="true">↑</span>
          <span className="visually-hidden">{t('search.inDocument.previous')}</span>
        </button>
        <button type="button" className="button button--small" onClick={() => step(1)} disabled={total === 0}>
          <span aria-hidden="true">↓</span>
          <span className="visually-hidden">{t('search.inDocument.next')}</span>
        </button>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('search.inDocument.close')}
        </button>
      </div>
      {threadMatches.length > 0 && (
        <div className="doc-search__comments">
          <p className="hint">{t('search.inDocument.comments', { count: threadMatches.length })}</p>
          <ul>
            {threadMatches.slice(0, 20).map((found) => {
              const snippet = snippetAround(found.text, found.match, 40);
              return (
                <li key={found.threadId}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => comments.activate(found.threadId, { focus: true, reveal: true })}
                  >
                    <span className="search-results__where">{found.authorName}: </span>
                    <Highlighted
                      text={snippet.text}
                      match={snippet.match}
                      cutBefore={snippet.cutBefore}
                      cutAfter={snippet.cutAfter}
                    />
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
