import { describe, expect, it } from 'vitest';
import { LowDataSetting, type LowDataChange } from './LowDataSetting';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    values,
  };
}

describe('LowDataSetting', () => {
  it("follows the browser's Save-Data until the person chooses", () => {
    expect(new LowDataSetting(memoryStorage(), true).on).toBe(true);
    expect(new LowDataSetting(memoryStorage(), false).on).toBe(false);
    expect(new LowDataSetting(memoryStorage({ 'accord.lowData': '0' }), true).on).toBe(false);
    expect(new LowDataSetting(memoryStorage({ 'accord.lowData': '1' }), false).on).toBe(true);
  });

  it('keeps the choice and tells its listeners, once per change', () => {
    const storage = memoryStorage();
    const setting = new LowDataSetting(storage, false);
    const heard: LowDataChange[] = [];
    const stop = setting.subscribe((change) => heard.push(change));
    setting.set(true);
    setting.set(true);
    expect(heard).toEqual([{ type: 'lowData.changed', on: true }]);
    expect(storage.values.get('accord.lowData')).toBe('1');
    expect(new LowDataSetting(storage, false).on).toBe(true);
    stop();
    setting.set(false);
    expect(heard).toHaveLength(1);
  });

  it('works where storage is refused', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const setting = new LowDataSetting(refusing, false);
    setting.set(true);
    expect(setting.on).toBe(true);
  });
});
