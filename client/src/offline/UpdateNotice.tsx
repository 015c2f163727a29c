import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppUpdates } from './AppUpdates';
import './offline.css';

/** "A new version is available — reload": shown once a new build has installed in the background. */
export function UpdateNotice({ updates }: { updates: AppUpdates }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(updates.subscribe, updates.getState);
  return (
    <div
      role="status"
      aria-live="polite"
      className={state === 'available' ? 'update-notice' : 'visually-hidden'}
    >
      {state === 'available' && (
        <>
          <span>{t('offline.updateAvailable')}</span>
          <button type="button" className="button button--small" onClick={() => updates.reload()}>
            {t('offline.reload')}
          </button>
        </>
      )}
    </div>
  );
}
