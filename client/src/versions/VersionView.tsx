import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedContent } from '@accord/shared';
import { documentExportUrl, versionsApi, type PresentedVersion } from '../api/versionsApi';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { DownloadMenu } from '../downloads/DownloadMenu';
import { useDateFormat } from '../i18n/useDateFormat';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { VersionComments } from './VersionComments';
import { VersionText } from './VersionText';
import type { DocumentView } from './documentView';
import { personName } from '../components/personName';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; version: PresentedVersion; content: PresentedContent };

interface VersionViewProps {
  documentId: string;
  number: number;
  show(view: DocumentView): void;
}

/** One frozen version, read-only, with the way back to the live text. */
export function VersionView({ documentId, number, show }: VersionViewProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [answer, setAnswer] = useState<{ number: number; loaded: Loaded } | null>(null);
  const loaded: Loaded = answer && answer.number === number ? answer.loaded : { status: 'loading' };

  useEffect(() => {
    const controller = new AbortController();
    const setLoaded = (next: Loaded) => setAnswer({ number, loaded: next });
    versionsApi
      .getVersion(documentId, number, controller.signal)
      .then(({ version, content }) => setLoaded({ status: 'ready', version, content }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [documentId, number]);
  useEffect(() => heading.current?.focus(), [number]);

  return (
    <div className="version-view">
      <div className="banner banner--version" data-testid="version-banner">
        <div>
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="banner__title">
            {t('versions.view.banner', { number })}
          </h2>
          {loaded.status === 'ready' && (
            <p>
              {loaded.version.name} ·{' '}
              {t('versions.list.by', { name: personName(t, loaded.version.author.name) })} ·{' '}
              <time dateTime={loaded.version.createdAt}>
                {date.format(new Date(loaded.version.createdAt))}
              </time>
            </p>
          )}
        </div>
        <div className="banner__actions">
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => show({ name: 'text' })}
          >
            ← {t('versions.backToText')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => show({ name: 'compare', from: number, to: 'live' })}
          >
            {t('versions.list.compareWithLive')}
          </button>
          <button type="button" className="button button--small" onClick={() => show({ name: 'versions' })}>
            {t('versions.allVersions')}
          </button>
          <DownloadMenu
            label={t('versions.list.download')}
            urlFor={(format) => documentExportUrl(documentId, format, number)}
            fallbackName={`version-${number}`}
          />
        </div>
      </div>
      {loaded.status === 'loading' && <LoadingState label={t('versions.view.loading', { number })} />}
      {loaded.status === 'failed' && <Alert tone="error">{errorMessage(loaded.error)}</Alert>}
      {loaded.status === 'ready' && (
        <>
          {loaded.version.note && <p className="version__note">{loaded.version.note}</p>}
          <VersionText
            tree={loaded.content.tree}
            language={loaded.content.language}
            labelledBy={`${id}-title`}
          />
          <VersionComments documentId={documentId} content={loaded.content} />
        </>
      )}
    </div>
  );
}
