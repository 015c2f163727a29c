import { useSyncExternalStore } from 'react';
import type { PanelSheets, SheetName } from './PanelSheets';

/** The sheet that is open now, if any. */
export function useOpenSheet(sheets: PanelSheets): SheetName | null {
  return useSyncExternalStore(sheets.subscribe, sheets.getSnapshot);
}
