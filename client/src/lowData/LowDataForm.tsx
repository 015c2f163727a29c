import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLowData, useLowDataSetting } from './LowDataContext';

/** Settings → This device: the low-data mode switch (applies at once, and to open documents). */
export function LowDataForm() {
  const { t } = useTranslation();
  const setting = useLowDataSetting();
  const on = useLowData();
  const hintId = useId();
  return (
    <div className="low-data">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={hintId}
          onChange={(event) => setting.set(event.target.checked)}
        />
        {t('offline.lowDataLabel')}
      </label>
      <p id={hintId} className="hint">
        {t('offline.lowDataHint')}
      </p>
    </div>
  );
}
