import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LowDataSetting } from './LowDataSetting';

/** This device's low-data setting (see LowDataSetting); provided once, at the root. */
export const LowDataContext = createContext<LowDataSetting | null>(null);

export function useLowDataSetting(): LowDataSetting {
  const setting = useContext(LowDataContext);
  if (!setting) throw new Error('useLowDataSetting needs a LowDataContext provider');
  return setting;
}

/** Whether low-data mode is on, re-rendering when it changes. */
export function useLowData(): boolean {
  const setting = useLowDataSetting();
  return useSyncExternalStore(setting.subscribe, () => setting.on);
}
