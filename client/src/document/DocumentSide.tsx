import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '@accord/shared';
import type { Collaborator } from '../collab/CollabSession';
import type { PanelSheets } from '../phone/PanelSheets';
import { useSheet } from '../phone/useSheet';
import { MembersPanel } from './MembersPanel';
import { ManageDocumentPanel } from '../documents/ManageDocumentPanel';
import { PresenceList } from './PresenceList';

interface DocumentSideProps {
  sheets: PanelSheets;
  collaborators: Collaborator[];
  document: PresentedDocument;
  currentUserId: string;
  refreshKey: number;
  focusRequest: number;
  onOwnMembershipChanged(): void;
  /** more panels below the members (the negotiation) */
  children?: ReactNode;
}

/** Who is here, the members and managing the document, beside the text (on a phone: the Members sheet). */
export function DocumentSide({ sheets, collaborators, children, ...members }: DocumentSideProps) {
  const { t } = useTranslation();
  const { ref: sheetRef, props: sheetProps } = useSheet<HTMLElement>(
    sheets,
    'members',
    '[data-testid="members-panel"] h2',
  );
  return (
    <aside ref={sheetRef} className="doc-page__side" aria-label={t('document.sidePanel')} {...sheetProps}>
      <PresenceList collaborators={collaborators} />
      <MembersPanel {...members} />
      <ManageDocumentPanel
        document={members.document}
        currentUserId={members.currentUserId}
        onDocumentChanged={members.onOwnMembershipChanged}
        onOwnMembershipChanged={members.onOwnMembershipChanged}
      />
      {children}
    </aside>
  );
}
