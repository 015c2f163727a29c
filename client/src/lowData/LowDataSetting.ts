/** What changed: low-data mode was turned on or off on this device. */
export interface LowDataChange {
  type: 'lowData.changed';
  on: boolean;
}

const STORAGE_KEY = 'accord.lowData';

/**
 * Low-data mode, a setting of this device (the connection is the device's, not the account's):
 * other people's carets are not received (only their names), comment threads load their text
 * when opened. Off unless chosen, or unless the browser asks to save data (Save-Data).
 */
export class LowDataSetting {
  private value: boolean;
  private readonly listeners = new Set<(change: LowDataChange) => void>();

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
    browserSavesData: boolean,
  ) {
    const stored = readStored(storage);
    this.value = stored ?? browserSavesData;
  }

  get on(): boolean {
    return this.value;
  }

  set(on: boolean): void {
    if (on === this.value) return;
    this.value = on;
    try {
      this.storage?.setItem(STORAGE_KEY, on ? '1' : '0');
    } catch {
      // private browsing may refuse storage: the choice lasts for this tab
    }
    for (const listener of this.listeners) listener({ type: 'lowData.changed', on });
  }

  subscribe = (listener: (change: LowDataChange) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

function readStored(storage: Pick<Storage, 'getItem'> | null): boolean | null {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return stored === '1' ? true : stored === '0' ? false : null;
  } catch {
    return null;
  }
}

/** The browser's Save-Data preference (Chromium on Android sets it in data saver mode). */
export function browserSavesData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}
