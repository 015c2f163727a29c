import { useTranslation } from 'react-i18next';
import { useOnline } from './useOnline';

export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div role="status" aria-live="polite" className={online ? 'visually-hidden' : 'offline-notice'}>
      {online ? '' : t('app.offlineNotice')}
    </div>
  );
}
