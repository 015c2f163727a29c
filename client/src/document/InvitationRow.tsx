import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type PresentedInvitation, type Role } from '@accord/shared';

interface InvitationRowProps {
  invitation: PresentedInvitation;
  onChangeRole(invitation: PresentedInvitation, role: Role): Promise<void>;
  onRevoke(invitation: PresentedInvitation): Promise<void>;
  /** emails the invitation again, with a new link and expiry */
  onResend(invitation: PresentedInvitation): Promise<void>;
}

/** A pending invitation in the Members panel (coordinators only): the address, its role, send again, withdraw. */
export function InvitationRow({ invitation, onChangeRole, onRevoke, onResend }: InvitationRowProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setPending(true);
    try {
      await action();
    } finally {
      setPending(false);
    }
  };
  const selectId = `invitation-role-${invitation.id}`;
  return (
    <li className="member member--invited" aria-busy={pending} data-testid="invitation-row">
      <div className="member__who">
        <span className="member__name">{invitation.email}</span>
        <span className="member__detail">{t('members.invitedState')}</span>
      </div>
      <div className="member__role">
        <label htmlFor={selectId} className="visually-hidden">
          {t('members.invitationRoleOf', { email: invitation.email })}
        </label>
        <select
          id={selectId}
          value={invitation.role}
          disabled={pending || !invitation.canManage}
          onChange={(event) => void run(() => onChangeRole(invitation, event.target.value as Role))}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={pending || !invitation.canManage}
          aria-label={t('account.resendLabel', { email: invitation.email })}
          onClick={() => void run(() => onResend(invitation))}
        >
          {t('account.resend')}
        </button>
        <button
          type="button"
          className="button button--quiet button--small button--danger"
          disabled={pending || !invitation.canManage}
          aria-label={t('members.revokeLabel', { email: invitation.email })}
          onClick={() => {
            if (window.confirm(t('members.revokeConfirm', { email: invitation.email })))
              void run(() => onRevoke(invitation));
          }}
        >
          {t('members.revoke')}
        </button>
      </div>
    </li>
  );
}
