import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { CommentComposer, type MentionCandidate } from './CommentComposer';
import type { DraftResult } from './draftFromSelection';

interface NewThreadPanelProps {
  /** what the new thread will be on, or why it cannot be written */
  draft: DraftResult;
  canComment: boolean;
  canCreateTeamThreads: boolean;
  members: MentionCandidate[];
  onSubmit(body: string, teamOnly: boolean): Promise<void>;
  onCancel(): void;
}

/** The composer of a new thread: where it goes (clause, quote), the text, team-only. */
export function NewThreadPanel({
  draft,
  canComment,
  canCreateTeamThreads,
  members,
  onSubmit,
  onCancel,
}: NewThreadPanelProps) {
  const { t } = useTranslation();
  const [teamOnly, setTeamOnly] = useState(false);
  if ('error' in draft)
    return (
      <Alert tone="warning">
        <span tabIndex={-1} role="alert">
          {t(draft.error)}
        </span>
      </Alert>
    );
  if (!canComment) return null;
  const clause = draft.label ?? t('comments.thread.unnumberedClause');
  return (
    <div className="new-thread" data-testid="new-thread">
      <p className="new-thread__target">
        {draft.quote
          ? t('comments.composer.onRange', { clause })
          : t('comments.composer.onClause', { clause })}
      </p>
      {draft.quote && <blockquote className="quote">{draft.quote}</blockquote>}
      <CommentComposer
        label={t('comments.composer.label')}
        submitLabel={t('comments.composer.post')}
        members={members}
        autoFocus
        testId="thread-composer"
        onCancel={onCancel}
        onSubmit={(body) => onSubmit(body, teamOnly)}
      >
        {canCreateTeamThreads && (
          <label className="comment-composer__check">
            <input
              type="checkbox"
              checked={teamOnly}
              onChange={(event) => setTeamOnly(event.target.checked)}
            />
            {t('comments.composer.teamOnly')}
          </label>
        )}
      </CommentComposer>
    </div>
  );
}
