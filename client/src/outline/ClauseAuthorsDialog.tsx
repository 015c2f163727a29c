import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { userColour, type PresentedPassage } from '@accord/shared';
import { useAuthorName } from '../components/useAuthorName';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useClauseAuthors } from './useClauseAuthors';
import './clauseAuthors.css';

interface ClauseAuthorsDialogProps {
  documentId: string;
  /** the clause asked about, and how it is read out ('Article 3 — Purpose'); null: closed */
  clause: { clauseId: string; description: string } | null;
  onClose(): void;
}

/**
 * "Who wrote Article 3": each passage of the clause with the name and organisation of who wrote
 * it, and of who deleted it where the server recorded that. A modal dialog (Escape or Close
 * closes it; the focus starts on Close).
 */
export function ClauseAuthorsDialog({ documentId, clause, onClose }: ClauseAuthorsDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const state = useClauseAuthors(documentId, clause?.clauseId ?? null);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (clause && !element.open) {
      element.showModal();
      closeButton.current?.focus();
    } else if (!clause && element.open) {
      element.close();
    }
  }, [clause]);

  const authors = state.status === 'ready' ? state.authors : null;
  const blocks = authors?.blocks.filter((block) => block.length > 0) ?? [];
  const who = useAuthorName();
  const passage = (p: PresentedPassage, index: number) => {
    const writer = authors!.authors[p.author]!;
    const colour = writer.userId ? userColour(writer.userId) : 'var(--line)';
    return (
      <li key={index} className="clause-authors__passage" style={{ borderInlineStartColor: colour }}>
        {p.text !== null ? (
          <span className="clause-authors__text">{p.text}</span>
        ) : (
          <del className="clause-authors__text clause-authors__text--deleted">
            {t('structure.authors.deletedCharacters', { count: p.length })}
          </del>
        )}
        <span className="clause-authors__who">
          {t('structure.authors.writtenBy', { name: who(writer) })}
          {p.deletedBy !== null &&
            ` · ${t('structure.authors.deletedBy', { name: who(authors!.authors[p.deletedBy]!) })}`}
        </span>
      </li>
    );
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog clause-authors"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="clause-authors"
    >
      {clause && (
        <>
          <h2 id={`${id}-title`} className="confirm-dialog__title">
            {t('structure.authors.title', { clause: clause.description })}
          </h2>
          {state.status === 'loading' && <LoadingState label={t('structure.authors.loading')} compact />}
          {state.status === 'failed' && <Alert tone="error">{errorMessage(state.error)}</Alert>}
          {authors && blocks.length === 0 && (
            <p className="clause-authors__empty">{t('structure.authors.empty')}</p>
          )}
          {blocks.map((block, index) => (
            <ol key={index} className="clause-authors__block">
              {block.map(passage)}
            </ol>
          ))}
          {authors?.truncated && <p className="clause-authors__note">{t('structure.authors.truncated')}</p>}
          <div className="confirm-dialog__actions">
            <button ref={closeButton} type="button" className="button" onClick={onClose}>
              {t('structure.authors.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
