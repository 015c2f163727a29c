import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '@accord/shared';
import { Link } from '../router/Link';
import { RoleBadge } from '../components/RoleBadge';
import { useDateFormat } from '../i18n/useDateFormat';
import { OfflineRecord } from '../offline/OfflineRecord';
import '../offline/offline.css';

const DATE_STYLE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export function DocumentList({ documents }: { documents: PresentedDocument[] }) {
  const { t } = useTranslation();
  const dates = useDateFormat(DATE_STYLE);
  return (
    <ul className="document-list" aria-label={t('documents.listLabel')}>
      {documents.map((document) => (
        <li key={document.id} className="document-list__item">
          <Link to={`/documents/${document.id}`} className="document-list__title">
            {document.title}
          </Link>
          {document.archived && <span className="archived-badge">{t('manage.list.archivedBadge')}</span>}
          {OfflineRecord.isAvailable(document.id) && (
            <span className="offline-badge" data-testid="available-offline">
              {t('offline.availableOffline')}
            </span>
          )}
          <dl className="document-list__meta">
            <div>
              <dt>{t('documents.yourRole')}</dt>
              <dd>
                <RoleBadge role={document.role} />
              </dd>
            </div>
            <div>
              <dt>{t('documents.kind')}</dt>
              <dd>{t(`documentKinds.${document.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('documents.language')}</dt>
              <dd>{t(`documentLanguages.${document.language}`)}</dd>
            </div>
            <div>
              <dt>{t('documents.updated')}</dt>
              <dd>
                <time dateTime={document.updatedAt}>{dates.format(new Date(document.updatedAt))}</time>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
