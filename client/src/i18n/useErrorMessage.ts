import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';

/** Turns any error into a sentence in the interface language, chosen by the server's stable code. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const code = error instanceof ApiError ? error.code : 'unknown';
    // say the real wait (the sign-in lockout lasts as long as the server's window), in minutes
    if (error instanceof ApiError && error.code === 'rate_limited' && error.retryAfterSeconds !== null) {
      return t('errors.rateLimitedWait', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
    }
    return i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : t('errors.unknown');
  };
}
