import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '@accord/shared';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { MentionBackdrop } from './MentionBackdrop';
import {
  bodyToComposerText,
  chooseMention,
  composerTextToBody,
  mentionSpans,
  mentionToDelete,
  type ChosenMention,
} from './composerMentions';

export interface MentionCandidate {
  id: string;
  name: string;
  detail: string | null;
}

interface CommentComposerProps {
  /** accessible name of the text box */
  label: string;
  submitLabel: string;
  /** a stored body (mentions as markup) */
  initialText?: string;
  members: MentionCandidate[];
  autoFocus?: boolean;
  /** gets the body with mentions as markup; throws to keep the text and show the error */
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  /** controls shown next to the buttons (visibility) */
  children?: ReactNode;
  testId?: string;
}

const MENTION_QUERY = /(^|\s)@([^\s@[\]()]{0,40})$/;

/**
 * A comment text box: plain text, Ctrl+Enter posts, "@" suggests members of the document. A
 * member chosen from the list shows as "@Name" on a token drawn behind the text (their id stays
 * out of sight) and is deleted as one piece; the body posted carries `@[Name](id)`.
 */
export function CommentComposer({
  label,
  submitLabel,
  initialText = '',
  members,
  autoFocus = false,
  onSubmit,
  onCancel,
  children,
  testId,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [initial] = useState(() => bodyToComposerText(initialText));
  const [text, setText] = useState(initial.text);
  const [mentions, setMentions] = useState<ChosenMention[]>(initial.mentions);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [query, setQuery] = useState<{ value: string; start: number } | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const id = useId();
  const spans = useMemo(() => mentionSpans(text, mentions), [text, mentions]);
  const body = useMemo(() => composerTextToBody(text, mentions), [text, mentions]);
  const notified = [...new Set(spans.map((span) => span.mention.name))];

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);

  const suggestions = useMemo(() => {
    if (!query) return [];
    const q = query.value.toLocaleLowerCase();
    return members.filter((member) => member.name.toLocaleLowerCase().includes(q)).slice(0, 6);
  }, [members, query]);
  const open = suggestions.length > 0;

  const findQuery = (value: string, caret: number) => {
    const match = MENTION_QUERY.exec(value.slice(0, caret));
    if (!match) return setQuery(null);
    setQuery({ value: match[2]!, start: caret - match[2]!.length - 1 });
    setHighlighted(0);
  };

  const replaceText = (next: string, caret: number) => {
    const element = textarea.current;
    setText(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(caret, caret);
    });
  };

  const insertMention = (member: MentionCandidate) => {
    const element = textarea.current;
    if (!element || !query) return;
    const chosen = chooseMention(member);
    const inserted = `@${chosen.name} `;
    setMentions((known) => (known.some((m) => m.id === chosen.id) ? known : [...known, chosen]));
    setQuery(null);
    replaceText(
      text.slice(0, query.start) + inserted + text.slice(element.selectionStart),
      query.start + inserted.length,
    );
  };

  /** Backspace or Delete at a mention removes the whole name. */
  const deleteMention = (key: 'Backspace' | 'Delete'): boolean => {
    const element = textarea.current;
    if (!element || element.selectionStart !== element.selectionEnd) return false;
    const span = mentionToDelete(spans, element.selectionStart, key);
    if (!span) return false;
    replaceText(text.slice(0, span.start) + text.slice(span.end), span.start);
    return true;
  };

  const submit = async () => {
    if (busy || text.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
      setText('');
      setMentions([]);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const tooLong = body.length > Limits.commentBodyMax;
  const errorId = `${id}-error`;
  return (
    <form
      className="comment-composer"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {label}
      </label>
      <div className="comment-composer__field">
        {spans.length > 0 && <MentionBackdrop ref={backdrop} text={text} spans={spans} />}
        <textarea
          id={`${id}-text`}
          ref={textarea}
          className="comment-composer__text"
          value={text}
          rows={3}
          placeholder={t('comments.composer.placeholder')}
          aria-describedby={`${id}-hint${notified.length > 0 ? ` ${id}-notified` : ''}${error !== null ? ` ${errorId}` : ''}`}
          aria-invalid={tooLong || undefined}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? `${id}-mentions` : undefined}
          aria-activedescendant={open ? `${id}-mention-${highlighted}` : undefined}
          role="combobox"
          onChange={(event) => {
            setText(event.target.value);
            findQuery(event.target.value, event.target.selectionStart);
          }}
          onScroll={(event) => {
            if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          }}
          onKeyDown={(event) => {
            if (open) {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                const step = event.key === 'ArrowDown' ? 1 : -1;
                setHighlighted((i) => (i + step + suggestions.length) % suggestions.length);
                return;
              }
              if (event.key === 'Enter' || event.key === 'Tab') {
                event.preventDefault();
                insertMention(suggestions[highlighted] ?? suggestions[0]!);
                return;
              }
              if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                setQuery(null);
                return;
              }
            }
            if ((event.key === 'Backspace' || event.key === 'Delete') && !event.altKey && !event.ctrlKey) {
              if (deleteMention(event.key)) event.preventDefault();
            } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            } else if (event.key === 'Escape' && onCancel) {
              event.preventDefault();
              onCancel();
            }
          }}
          onBlur={() => setTimeout(() => setQuery(null), 150)}
        />
        {open && (
          <ul
            id={`${id}-mentions`}
            role="listbox"
            className="mention-list"
            aria-label={t('comments.composer.mentionList')}
          >
            {suggestions.map((member, i) => (
              <li
                key={member.id}
                id={`${id}-mention-${i}`}
                role="option"
                aria-selected={i === highlighted}
                className={
                  i === highlighted ? 'mention-list__item mention-list__item--active' : 'mention-list__item'
                }
                onMouseDown={(event) => {
                  event.preventDefault();
                  insertMention(member);
                }}
              >
                <span className="mention-list__name">{member.name}</span>
                {member.detail && <span className="mention-list__detail">{member.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {notified.length > 0 && (
        <p id={`${id}-notified`} className="comment-composer__mentions">
          {t('comments.composer.notifies', { names: notified.join(', ') })}
        </p>
      )}
      <p id={`${id}-hint`} className="comment-composer__hint">
        {tooLong
          ? t('comments.composer.tooLongBody', { max: Limits.commentBodyMax })
          : t('comments.composer.hint')}
      </p>
      {error !== null && (
        <p id={errorId} className="comment-composer__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <div className="comment-composer__actions">
        {children}
        <span className="comment-composer__spacer" />
        {onCancel && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={onCancel}
            disabled={busy}
          >
            {t('comments.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy || text.trim() === '' || tooLong}
        >
          {busy ? t('comments.posting') : submitLabel}
        </button>
      </div>
    </form>
  );
}
