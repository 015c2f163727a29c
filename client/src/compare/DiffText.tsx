import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffPart } from '@accord/shared';

interface DiffTextProps {
  parts: DiffPart[];
  /** inline: both; old: without insertions; new: without deletions */
  side?: 'inline' | 'old' | 'new';
}

/**
 * A word diff as text: insertions in <ins> (underlined), deletions in <del> (struck through),
 * each announced to screen readers ("inserted:", "deleted:"), so colour is never the only cue.
 */
export function DiffText({ parts, side = 'inline' }: DiffTextProps) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part, index) => {
        if (part.added) {
          if (side === 'old') return null;
          return (
            <ins key={index} className="diff-ins">
              <span className="visually-hidden">{t('versions.compare.inserted')} </span>
              {part.value}
              <span className="visually-hidden"> {t('versions.compare.endInserted')} </span>
            </ins>
          );
        }
        if (part.removed) {
          if (side === 'new') return null;
          return (
            <del key={index} className="diff-del">
              <span className="visually-hidden">{t('versions.compare.deleted')} </span>
              {part.value}
              <span className="visually-hidden"> {t('versions.compare.endDeleted')} </span>
            </del>
          );
        }
        return <Fragment key={index}>{part.value}</Fragment>;
      })}
    </>
  );
}
