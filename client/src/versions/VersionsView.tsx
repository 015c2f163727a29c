import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITION_REPORT_FORMATS, type PresentedDocument } from '@accord/shared';
import type { PresentedPublication } from '../api/versionsApi';
import type { CollabSession } from '../collab/CollabSession';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { DownloadMenu } from '../downloads/DownloadMenu';
import { dispositionReportUrl, documentExportUrl } from '../api/versionsApi';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { FreezeForm } from './FreezeForm';
import { ProposalList } from './ProposalList';
import { PublicationsPanel } from './PublicationsPanel';
import { VersionItem } from './VersionItem';
import type { DocumentView } from './documentView';
import { usePublications } from './usePublications';
import { useVersions } from './useVersions';
import { useSignoffs } from '../signoff/useSignoffs';
import { SignoffSection } from '../signoff/SignoffSection';

interface VersionsViewProps {
  document: PresentedDocument;
  currentUserId: string;
  session: CollabSession | null;
  show(view: DocumentView): void;
  onDocumentChanged(document: PresentedDocument): void;
}

/** Versions (freeze, proposals, list) and publications of a document, in place of its text. */
export function VersionsView({
  document,
  currentUserId,
  session,
  show,
  onDocumentChanged,
}: VersionsViewProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const heading = useRef<HTMLHeadingElement>(null);
  const { state, reload, lastCreated } = useVersions(document.id, session);
  const [publicationsKey, setPublicationsKey] = useState(0);
  const publications = usePublications(document.id, publicationsKey);
  const [notice, setNotice] = useState<string | null>(null);
  const signoffs = useSignoffs(document.id, session);
  useEffect(() => heading.current?.focus(), []);

  const abilities = document.abilities;
  const mode = abilities.manage ? 'freeze' : abilities.comment ? 'propose' : null;
  const published = publications.state.status === 'ready' ? publications.state.publications : [];
  const publicationOf = (number: number) => published.find((p) => p.version === number) ?? null;

  const handlePublished = (publication: PresentedPublication) => {
    publications.add(publication);
    setPublicationsKey((key) => key + 1);
    setNotice(t('versions.publish.done', { number: publication.number }));
  };

  return (
    <div className="versions-view">
      <div className="view-heading">
        <h2 ref={heading} tabIndex={-1}>
          {t('versions.title')}
        </h2>
        <button type="button" className="button button--small" onClick={() => show({ name: 'text' })}>
          ← {t('versions.backToText')}
        </button>
      </div>
      <p role="status" className="versions-view__notice">
        {notice ??
          (lastCreated && lastCreated.actorId !== currentUserId
            ? t('versions.list.created', { number: lastCreated.number, name: lastCreated.name })
            : '')}
      </p>
      <div className="versions-view__columns">
        <section className="panel" aria-labelledby="versions-list-title">
          <h2 id="versions-list-title" className="panel__title">
            {t('versions.list.title')}
            {state.status === 'ready' && (
              <span className="panel__count">
                {t('versions.list.count', { count: state.versions.length })}
              </span>
            )}
          </h2>
          <div className="versions-view__live">
            <p className="hint">{t('versions.list.liveIntro')}</p>
            <div className="version__actions">
              <DownloadMenu
                label={t('versions.list.downloadLive')}
                urlFor={(format) => documentExportUrl(document.id, format, 'live')}
                fallbackName="live"
              />
              <DownloadMenu
                label={t('versions.list.dispositionsLive')}
                formats={DISPOSITION_REPORT_FORMATS}
                urlFor={(format) => dispositionReportUrl(document.id, format, 'live')}
                fallbackName="dispositions-live"
              />
            </div>
          </div>
          {mode && <FreezeForm documentId={document.id} mode={mode} onDone={reload} />}
          {state.status === 'loading' && <LoadingState compact label={t('versions.list.loading')} />}
          {state.status === 'failed' && <Alert tone="error">{errorMessage(state.error)}</Alert>}
          {state.status === 'ready' && (
            <>
              <ProposalList
                documentId={document.id}
                proposals={state.proposals}
                canResolve={abilities.manage}
                onResolved={reload}
              />
              {state.versions.length === 0 ? (
                <p className="empty-note">
                  {abilities.manage ? t('versions.list.emptyManage') : t('versions.list.empty')}
                </p>
              ) : (
                <ol className="versions-list" reversed>
                  {state.versions.map((version) => (
                    <VersionItem
                      key={version.number}
                      documentId={document.id}
                      version={version}
                      publication={publicationOf(version.number)}
                      latestPublication={published[0]?.number ?? null}
                      canManage={abilities.manage}
                      show={show}
                      onRestored={(number) => setNotice(t('versions.restore.done', { number }))}
                      onPublished={handlePublished}
                      signoff={
                        <SignoffSection
                          documentId={document.id}
                          version={version.number}
                          round={signoffs.byVersion.get(version.number) ?? null}
                          canManage={abilities.manage}
                          published={publicationOf(version.number) !== null}
                          onChanged={signoffs.reload}
                        />
                      }
                    />
                  ))}
                </ol>
              )}
            </>
          )}
        </section>
        <PublicationsPanel
          document={document}
          state={publications.state}
          onDocumentChanged={onDocumentChanged}
        />
      </div>
    </div>
  );
}
