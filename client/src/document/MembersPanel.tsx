import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument, PresentedInvitation, PresentedMember, Role } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { accountApi } from '../account/accountApi';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { InvitationRow } from './InvitationRow';
import { InviteMemberForm } from './InviteMemberForm';
import { JoinLinksSection } from './JoinLinksSection';
import { MemberRow } from './MemberRow';
import { useDocumentMembers, type MembersState } from './useDocumentMembers';

type Ready = Extract<MembersState, { status: 'ready' }>;

interface MembersPanelProps {
  document: PresentedDocument;
  currentUserId: string;
  /** the current user's own membership changed (role or removal): the page reloads the document */
  onOwnMembershipChanged(): void;
  /** bumped by the page when the server says members changed */
  refreshKey: number;
  /** bumped by the page's Members button: the panel scrolls into view and takes the focus */
  focusRequest?: number;
}

export function MembersPanel({
  document,
  currentUserId,
  onOwnMembershipChanged,
  refreshKey,
  focusRequest = 0,
}: MembersPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useDocumentMembers(document.id, refreshKey);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [focusRequest]);

  const update = useCallback(
    (change: (ready: Ready) => Partial<Ready>) =>
      setState((current) => (current.status === 'ready' ? { ...current, ...change(current) } : current)),
    [setState],
  );

  /** runs a change; its success notice, or the error */
  const act = async (action: () => Promise<string>) => {
    setNotice(null);
    try {
      setNotice({ tone: 'success', text: await action() });
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    }
  };

  const changeRole = (member: PresentedMember, role: Role) =>
    act(async () => {
      const { member: updated } = await accordApi.changeMemberRole(document.id, member.userId, role);
      update((s) => ({ members: s.members.map((m) => (m.userId === updated.userId ? updated : m)) }));
      if (member.userId === currentUserId) onOwnMembershipChanged();
      return t('members.roleChanged', { name: updated.name, role: t(`roles.${updated.role}`) });
    });

  const remove = (member: PresentedMember) =>
    act(async () => {
      await accordApi.removeMember(document.id, member.userId);
      update((s) => ({ members: s.members.filter((m) => m.userId !== member.userId) }));
      if (member.userId === currentUserId) onOwnMembershipChanged();
      return t('members.removed', { name: member.name });
    });

  const changeInvitationRole = (invitation: PresentedInvitation, role: Role) =>
    act(async () => {
      const { invitation: next } = await accordApi.changeInvitationRole(document.id, invitation.id, role);
      update((s) => ({ invitations: (s.invitations ?? []).map((i) => (i.id === invitation.id ? next : i)) }));
      return t('members.invitationRoleChanged', { email: next.email, role: t(`roles.${next.role}`) });
    });

  const revoke = (invitation: PresentedInvitation) =>
    act(async () => {
      await accordApi.revokeInvitation(document.id, invitation.id);
      update((s) => ({ invitations: (s.invitations ?? []).filter((i) => i.id !== invitation.id) }));
      return t('members.revoked', { email: invitation.email });
    });

  const resend = (invitation: PresentedInvitation) =>
    act(async () => {
      const { invitation: next } = await accountApi.resendInvitation(document.id, invitation.id);
      update((s) => ({ invitations: (s.invitations ?? []).map((i) => (i.id === invitation.id ? next : i)) }));
      return t('account.invitationResent', { email: next.email });
    });

  const invited = (invitation: PresentedInvitation) =>
    update((s) => ({ invitations: [...(s.invitations ?? []), invitation] }));

  return (
    <section className="panel" aria-labelledby={id} data-testid="members-panel">
      <h2 id={id} className="panel__title" ref={headingRef} tabIndex={-1}>
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
      {state.status === 'ready' && state.invitations && state.invitations.length > 0 && (
        <>
          <h3 className="panel__subtitle">
            {t('members.pendingTitle', { count: state.invitations.length })}
          </h3>
          <ul
            className="member-list"
            aria-label={t('members.pendingTitle', { count: state.invitations.length })}
          >
            {state.invitations.map((invitation) => (
              <InvitationRow
                key={invitation.id}
                invitation={invitation}
                onChangeRole={changeInvitationRole}
                onRevoke={revoke}
                onResend={resend}
              />
            ))}
          </ul>
        </>
      )}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {document.abilities.manage && <InviteMemberForm documentId={document.id} onInvited={invited} />}
      {document.abilities.manage && <JoinLinksSection documentId={document.id} />}
    </section>
  );
}
