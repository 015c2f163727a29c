import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { PanelSheets, SheetName } from './PanelSheets';
import { useIsPhone } from './useIsPhone';
import { useOpenSheet } from './usePanelSheets';

export interface SheetProps {
  role?: 'dialog';
  'data-sheet'?: SheetName;
  'data-sheet-open'?: boolean;
  onKeyDown?(event: KeyboardEvent<HTMLElement>): void;
}

/**
 * Makes a side panel a sheet on a phone: a dialog shown over the text while it is open, which
 * takes the focus when it opens and closes on Escape (the bottom bar then gives the focus back to
 * the button that opened it). On wider screens the panel stays where it is: no props at all.
 */
export function useSheet<E extends HTMLElement>(sheets: PanelSheets, name: SheetName, focus = 'h2') {
  const phone = useIsPhone();
  const open = useOpenSheet(sheets) === name;
  const ref = useRef<E>(null);

  useEffect(() => {
    const element = ref.current;
    if (!phone || !open || !element || element.contains(document.activeElement)) return;
    // its heading, so a screen reader starts at the panel's name
    const target = element.querySelector<HTMLElement>(focus) ?? element;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [phone, open, focus]);

  const props: SheetProps = phone
    ? {
        role: 'dialog',
        'data-sheet': name,
        'data-sheet-open': open,
        onKeyDown: (event) => {
          if (event.key !== 'Escape' || event.defaultPrevented) return;
          // a dialog inside the sheet (who wrote a clause) closes first
          const inner = (event.target as Element).closest('dialog, [role="dialog"]');
          if (inner && inner !== event.currentTarget) return;
          event.preventDefault();
          sheets.close();
        },
      }
    : {};
  return { ref, props, phone, open };
}
