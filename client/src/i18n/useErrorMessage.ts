import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';

/** Turns any error into a sentence in the interface language, chosen by the server's stable code. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const code = error instanceof ApiError ? error.code : 'unknown';
    return i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : t('errors.unknown');
  };
}
