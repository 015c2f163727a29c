import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITION_REPORT_FORMATS } from '@accord/shared';
import {
  dispositionReportUrl,
  documentExportUrl,
  type PresentedPublication,
  type PresentedVersion,
} from '../api/versionsApi';
import { DownloadMenu } from '../downloads/DownloadMenu';
import { useDateFormat } from '../i18n/useDateFormat';
import { ChangeCounts } from './ChangeCounts';
import { PublishForm } from './PublishForm';
import { RestoreConfirm } from './RestoreConfirm';
import type { DocumentView } from './documentView';
import { personName } from '../components/personName';

interface VersionItemProps {
  documentId: string;
  version: PresentedVersion;
  /** the publication of this version, if it has one */
  publication: PresentedPublication | null;
  latestPublication: string | null;
  canManage: boolean;
  show(view: DocumentView): void;
  onRestored(number: number): void;
  onPublished(publication: PresentedPublication): void;
  /** the version's sign-off (signoff/SignoffSection) */
  signoff?: ReactNode;
}

/** One version: what it is, what changed, and what can be done with it. */
export function VersionItem({
  documentId,
  version,
  publication,
  latestPublication,
  canManage,
  show,
  onRestored,
  onPublished,
  signoff,
}: VersionItemProps) {
  const { t } = useTranslation();
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const [confirming, setConfirming] = useState<'restore' | 'publish' | null>(null);
  const headingId = `version-${version.number}`;

  return (
    <li className="version" aria-labelledby={headingId} data-testid={`version-${version.number}`}>
      <h3 id={headingId} className="version__title">
        <span className="version__number">{t('versions.list.number', { number: version.number })}</span>
        <span className="version__name">{version.name}</span>
        {publication && (
          <span className="badge badge--published">
            {t('versions.list.published', { number: publication.number })}
          </span>
        )}
      </h3>
      <p className="version__meta hint">
        {t('versions.list.by', { name: personName(t, version.author.name) })} ·{' '}
        <time dateTime={version.createdAt}>{date.format(new Date(version.createdAt))}</time>
      </p>
      {version.note && <p className="version__note">{version.note}</p>}
      <ChangeCounts version={version} />
      <div className="version__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => show({ name: 'version', number: version.number })}
        >
          {t('versions.list.open')}
        </button>
        {version.number > 1 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => show({ name: 'compare', from: version.number - 1, to: version.number })}
          >
            {t('versions.list.compareWithPrevious')}
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          onClick={() => show({ name: 'compare', from: version.number, to: 'live' })}
        >
          {t('versions.list.compareWithLive')}
        </button>
        <DownloadMenu
          label={t('versions.list.download')}
          urlFor={(format) => documentExportUrl(documentId, format, version.number)}
          fallbackName={`version-${version.number}`}
        />
        <DownloadMenu
          label={t('versions.list.dispositions')}
          formats={DISPOSITION_REPORT_FORMATS}
          urlFor={(format) => dispositionReportUrl(documentId, format, version.number)}
          fallbackName={`dispositions-version-${version.number}`}
        />
        {canManage && !publication && (
          <button
            type="button"
            className="button button--small"
            aria-expanded={confirming === 'publish'}
            onClick={() => setConfirming('publish')}
          >
            {t('versions.list.publish')}
          </button>
        )}
        {canManage && (
          <button
            type="button"
            className="button button--small"
            aria-expanded={confirming === 'restore'}
            onClick={() => setConfirming('restore')}
          >
            {t('versions.list.restore')}
          </button>
        )}
      </div>
      {confirming === 'restore' && (
        <RestoreConfirm
          documentId={documentId}
          number={version.number}
          onCancel={() => setConfirming(null)}
          onRestored={() => {
            setConfirming(null);
            onRestored(version.number);
          }}
        />
      )}
      {signoff}
      {confirming === 'publish' && (
        <PublishForm
          documentId={documentId}
          number={version.number}
          latest={latestPublication}
          onCancel={() => setConfirming(null)}
          onPublished={(published) => {
            setConfirming(null);
            onPublished(published);
          }}
        />
      )}
    </li>
  );
}
