import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument, PresentedMember, Role } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { InviteMemberForm } from './InviteMemberForm';
import { MemberRow } from './MemberRow';
import { useDocumentMembers } from './useDocumentMembers';

interface MembersPanelProps {
  document: PresentedDocument;
  currentUserId: string;
  /** the current user's own membership changed (role or removal): the page reloads the document */
  onOwnMembershipChanged(): void;
  /** bumped by the page when the server says members changed */
  refreshKey: number;
}

export function MembersPanel({
  document,
  currentUserId,
  onOwnMembershipChanged,
  refreshKey,
}: MembersPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [state, setState] = useDocumentMembers(document.id, refreshKey);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const replace = useCallback(
    (updated: PresentedMember) => {
      setState((current) =>
        current.status === 'ready'
          ? {
              status: 'ready',
              members: current.members.map((m) => (m.userId === updated.userId ? updated : m)),
            }
          : current,
      );
    },
    [setState],
  );

  const changeRole = async (member: PresentedMember, role: Role) => {
    setNotice(null);
    try {
      const { member: updated } = await accordApi.changeMemberRole(document.id, member.userId, role);
      replace(updated);
      setNotice({
        tone: 'success',
        text: t('members.roleChanged', { name: updated.name, role: t(`roles.${updated.role}`) }),
      });
      if (member.userId === currentUserId) onOwnMembershipChanged();
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    }
  };

  const remove = async (member: PresentedMember) => {
    setNotice(null);
    try {
      await accordApi.removeMember(document.id, member.userId);
      setState((current) =>
        current.status === 'ready'
          ? { status: 'ready', members: current.members.filter((m) => m.userId !== member.userId) }
          : current,
      );
      setNotice({ tone: 'success', text: t('members.removed', { name: member.name }) });
      if (member.userId === currentUserId) onOwnMembershipChanged();
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    }
  };

  const invited = (member: PresentedMember) => {
    setState((current) =>
      current.status === 'ready'
        ? { status: 'ready', members: [...current.members.filter((m) => m.userId !== member.userId), member] }
        : current,
    );
  };

  return (
    <section className="panel" aria-labelledby={id} data-testid="members-panel">
      <h2 id={id} className="panel__title">
        {t('members.title')}
      </h2>
      {state.status === 'loading' && <LoadingState compact label={t('members.loading')} />}
      {state.status === 'failed' && (
        <Alert tone="error">
          {t('members.loadFailed')} {errorMessage(state.error)}
        </Alert>
      )}
      {state.status === 'ready' && (
        <ul className="member-list">
          {state.members.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isSelf={member.userId === currentUserId}
              onChangeRole={changeRole}
              onRemove={remove}
            />
          ))}
        </ul>
      )}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {document.abilities.manage && <InviteMemberForm documentId={document.id} onInvited={invited} />}
    </section>
  );
}
