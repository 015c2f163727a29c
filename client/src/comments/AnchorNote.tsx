import { useTranslation } from 'react-i18next';
import type { ClauseSnapshot, ResolvedAnchor } from '@accord/shared';

export function AnchorBadge({ anchor }: { anchor: ResolvedAnchor }) {
  const { t } = useTranslation();
  if (anchor.state === 'attached') return null;
  return (
    <span className={`badge badge--${anchor.state}`} data-testid="anchor-state">
      {t(`comments.anchor.state.${anchor.state}`)}
    </span>
  );
}

/** What the comment points at, and what became of it. */
export function AnchorNote({
  anchor,
  clauseName,
}: {
  anchor: ResolvedAnchor;
  clauseName: (clause: ClauseSnapshot) => string;
}) {
  const { t } = useTranslation();
  const was = clauseName(anchor.original);
  const now = anchor.clause ? clauseName(anchor.clause) : was;
  const movedNote =
    anchor.moved && anchor.clause && anchor.original.path !== anchor.clause.path ? (
      <p className="anchor-note__line">{t('comments.anchor.movedFrom', { was, now })}</p>
    ) : null;
  switch (anchor.state) {
    case 'edited':
      return (
        <div className="anchor-note anchor-note--edited" data-testid="anchor-note">
          <p className="anchor-note__line">{t('comments.anchor.editedExplain')}</p>
          <p className="anchor-note__label">{t('comments.anchor.originalQuote')}</p>
          <blockquote className="quote quote--old" data-testid="old-quote">
            <del>{anchor.quote}</del>
          </blockquote>
          <p className="anchor-note__label">{t('comments.anchor.currentQuote')}</p>
          <blockquote className="quote" data-testid="current-quote">
            <ins>{anchor.currentQuote}</ins>
          </blockquote>
          {movedNote}
        </div>
      );
    case 'detached':
      return (
        <div className="anchor-note anchor-note--detached" data-testid="anchor-note">
          <p className="anchor-note__line">{t('comments.anchor.detachedExplain', { clause: now })}</p>
          {anchor.quote && (
            <blockquote className="quote quote--old">
              <del>{anchor.quote}</del>
            </blockquote>
          )}
          {movedNote}
        </div>
      );
    case 'orphaned':
      return (
        <div className="anchor-note anchor-note--orphaned" data-testid="anchor-note">
          <p className="anchor-note__line">{t('comments.anchor.orphanedExplain', { clause: was })}</p>
          {anchor.quote && (
            <blockquote className="quote quote--old">
              <del>{anchor.quote}</del>
            </blockquote>
          )}
        </div>
      );
    default:
      return (
        <div className="anchor-note" data-testid="anchor-note">
          {anchor.quote && <blockquote className="quote">{anchor.quote}</blockquote>}
          {movedNote}
        </div>
      );
  }
}
