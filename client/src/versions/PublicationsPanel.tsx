import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '@accord/shared';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { DownloadMenu } from '../downloads/DownloadMenu';
import { useDateFormat } from '../i18n/useDateFormat';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { PublicSwitch } from './PublicSwitch';
import type { PublicationsState } from './usePublications';
import { PublicationEndorsements } from '../signoff/PublicationEndorsements';
import { personName } from '../components/personName';

interface PublicationsPanelProps {
  document: PresentedDocument;
  state: PublicationsState;
  onDocumentChanged(document: PresentedDocument): void;
}

/** The document's publications: number, date, public page, downloads; and the public switch. */
export function PublicationsPanel({ document, state, onDocumentChanged }: PublicationsPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="panel publications" aria-labelledby="publications-title">
      <h2 id="publications-title" className="panel__title">
        {t('versions.publications.title')}
      </h2>
      {document.abilities.manage ? (
        <PublicSwitch document={document} onChanged={onDocumentChanged} />
      ) : (
        <p className="hint">
          {document.public ? t('versions.publications.publicOn') : t('versions.publications.publicOff')}
        </p>
      )}
      {state.status === 'loading' && <LoadingState compact label={t('versions.publications.loading')} />}
      {state.status === 'failed' && <Alert tone="error">{errorMessage(state.error)}</Alert>}
      {state.status === 'ready' && state.publications.length === 0 && (
        <p className="empty-note">{t('versions.publications.empty')}</p>
      )}
      {state.status === 'ready' && state.publications.length > 0 && (
        <ul className="publications__list">
          {state.publications.map((publication) => (
            <li
              key={publication.id}
              className="publication"
              data-testid={`publication-${publication.number}`}
            >
              <h3 className="version__title">
                <span className="version__number">
                  {t('versions.publications.number', { number: publication.number })}
                </span>
              </h3>
              <p className="hint">
                {t('versions.publications.of', { version: publication.version })} ·{' '}
                <time dateTime={publication.publishedAt}>
                  {date.format(new Date(publication.publishedAt))}
                </time>{' '}
                · {personName(t, publication.publishedBy.name)}
              </p>
              <PublicationEndorsements signoff={publication.signoff} />
              <div className="version__actions">
                {document.public ? (
                  <a className="button button--small" href={publication.url} target="_blank" rel="noreferrer">
                    {t('versions.publications.openPage')}
                    <span className="visually-hidden"> {t('versions.newTab')}</span>
                  </a>
                ) : (
                  <span className="hint">{t('versions.publications.pageWhenPublic')}</span>
                )}
                <DownloadMenu
                  label={t('versions.list.download')}
                  urlFor={(format) => publication.downloads[format]}
                  fallbackName={`publication-${publication.number}`}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
