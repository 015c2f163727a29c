import { useTranslation } from 'react-i18next';
import { CloseCode } from '@accord/shared';
import { Link } from '../router/Link';

/** Explains why the server closed the collaboration socket, and what the user can do about it. */
export function CloseBanner({ code, stopped }: { code: number; stopped: boolean }) {
  const { t, i18n } = useTranslation();
  const message = i18n.exists(`closed.${code}`) ? t(`closed.${code}`) : t('closed.generic');
  const needsReload =
    code === CloseCode.UNSUPPORTED_SCHEMA_VERSION ||
    code === CloseCode.MALFORMED_MESSAGE ||
    code === CloseCode.MESSAGE_TOO_LARGE ||
    code === CloseCode.TOO_MANY_CONNECTIONS ||
    (stopped && code !== CloseCode.FORBIDDEN && code !== CloseCode.UNAUTHENTICATED);
  const serious = stopped || code === CloseCode.FORBIDDEN;
  return (
    <div
      className={`banner ${serious ? 'banner--error' : 'banner--warning'}`}
      role={serious ? 'alert' : 'status'}
      data-testid="close-banner"
      data-close-code={code}
    >
      <p>{message}</p>
      <div className="banner__actions">
        {needsReload && (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('closed.reload')}
          </button>
        )}
        {code === CloseCode.FORBIDDEN && (
          <Link to="/" className="button">
            {t('closed.backToDocuments')}
          </Link>
        )}
      </div>
    </div>
  );
}
