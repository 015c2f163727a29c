import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '@accord/shared';
import type { CollabSession, ConnectionStatus as Connection } from '../collab/CollabSession';
import { RoleBadge } from '../components/RoleBadge';
import { Link } from '../router/Link';
import type { DocumentView } from '../versions/documentView';
import { DocumentViewNav } from '../versions/DocumentViewNav';
import type { Workflow } from '../workflow/useWorkflow';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { ConnectionStatus } from './ConnectionStatus';
import { DocumentTitle } from './DocumentTitle';
import { SaveIndicator } from './SaveIndicator';

interface DocumentHeaderProps {
  document: PresentedDocument;
  headingId: string;
  /** one row on a phone: back, title, status, and a menu button for the rest */
  phone: boolean;
  connection: Connection;
  session: CollabSession | null;
  workflow: Workflow | null;
  view: DocumentView;
  show(view: DocumentView): void;
  onRenamed(document: PresentedDocument): void;
  onWorkflowChanged(workflow: Workflow): void;
  onReload(): void;
  /** the Members button (not on a phone, whose bottom bar has one) */
  onShowMembers(): void;
}

/** The document page's header: title, details, status, workflow and views. */
export function DocumentHeader({
  document,
  headingId,
  phone,
  connection,
  session,
  workflow,
  view,
  show,
  onRenamed,
  onWorkflowChanged,
  onReload,
  onShowMembers,
}: DocumentHeaderProps) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div
      id={`${headingId}-header`}
      className={phone && menuOpen ? 'doc-page__header doc-page__header--open' : 'doc-page__header'}
    >
      <p className="doc-page__back">
        {phone ? (
          <Link to="/">
            <span aria-hidden="true">←</span>
            <span className="visually-hidden">{t('document.backToDocuments')}</span>
          </Link>
        ) : (
          <Link to="/">← {t('document.backToDocuments')}</Link>
        )}
      </p>
      <DocumentTitle document={document} headingId={headingId} onRenamed={onRenamed} />
      {phone && <p className="doc-page__full-title">{document.title}</p>}
      <div className="doc-page__meta">
        <span>{t(`documentKinds.${document.kind}`)}</span>
        <span aria-hidden="true">·</span>
        <span>{t(`documentLanguages.${document.language}`)}</span>
        <span aria-hidden="true">·</span>
        <RoleBadge role={document.role} />
        {!phone && (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="members-button"
            onClick={() => {
              if (view.name !== 'text') show({ name: 'text' });
              onShowMembers();
            }}
          >
            {t(document.abilities.manage ? 'members.showManage' : 'members.show')}
          </button>
        )}
      </div>
      <div className="doc-page__status" aria-label={t('document.status')} role="group">
        <ConnectionStatus status={connection} />
        {document.abilities.edit && <SaveIndicator session={session} />}
      </div>
      {phone && (
        <button
          type="button"
          className="button button--quiet doc-page__menu-button"
          aria-expanded={menuOpen}
          aria-controls={`${headingId}-header`}
          aria-label={t('phone.menu')}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      )}
      {workflow && (
        <WorkflowBar
          documentId={document.id}
          workflow={workflow}
          canChange={document.abilities.manage}
          onChanged={onWorkflowChanged}
          onReload={onReload}
        />
      )}
      <DocumentViewNav view={view} show={show} />
    </div>
  );
}
