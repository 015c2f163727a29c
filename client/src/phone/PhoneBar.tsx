import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentComments } from '../comments/DocumentComments';
import { useCommentsState } from '../comments/useCommentsState';
import type { PanelSheets, SheetName } from './PanelSheets';
import { useOpenSheet } from './usePanelSheets';
import './phone.css';

interface PhoneBarProps {
  sheets: PanelSheets;
  /** the document's comments: the Comments button shows how many threads are open */
  comments: DocumentComments;
}

const SHEETS: SheetName[] = ['outline', 'comments', 'members'];

/**
 * The phone's bottom bar: opens the outline, the comments and the members as sheets. When a sheet
 * closes while the focus is in it, the focus comes back to the button that opened it.
 */
export function PhoneBar({ sheets, comments }: PhoneBarProps) {
  const { t } = useTranslation();
  const open = useOpenSheet(sheets);
  const { threads } = useCommentsState(comments);
  const openComments = useMemo(
    () => threads.filter((item) => item.thread.status === 'open').length,
    [threads],
  );
  const buttons = useRef(new Map<SheetName, HTMLButtonElement>());

  useEffect(
    () =>
      sheets.on('closed', ({ sheet }) => {
        const focused = document.activeElement;
        const inSheet = focused?.closest(`[data-sheet="${sheet}"]`);
        if (focused && focused !== document.body && !inSheet) return;
        buttons.current.get(sheet)?.focus();
      }),
    [sheets],
  );

  return (
    <nav className="phone-bar" aria-label={t('phone.bar')} data-testid="phone-bar">
      {SHEETS.map((sheet) => (
        <button
          key={sheet}
          ref={(button) => {
            if (button) buttons.current.set(sheet, button);
            else buttons.current.delete(sheet);
          }}
          type="button"
          className="phone-bar__button"
          aria-expanded={open === sheet}
          aria-haspopup="dialog"
          onClick={() => sheets.toggle(sheet)}
        >
          <span>{t(`phone.${sheet}`)}</span>{' '}
          {sheet === 'comments' && openComments > 0 && (
            <span className="phone-bar__count">
              <span aria-hidden="true">{openComments}</span>
              <span className="visually-hidden">{t('phone.openCount', { count: openComments })}</span>
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
