import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type PresentedMember, type Role } from '@accord/shared';
import { RoleBadge } from '../components/RoleBadge';

interface MemberRowProps {
  member: PresentedMember;
  isSelf: boolean;
  onChangeRole(member: PresentedMember, role: Role): Promise<void>;
  onRemove(member: PresentedMember): Promise<void>;
}

export function MemberRow({ member, isSelf, onChangeRole, onRemove }: MemberRowProps) {
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
  const selectId = `member-role-${member.userId}`;
  return (
    <li className="member" aria-busy={pending}>
      <div className="member__who">
        <span className="member__name">
          {member.name}
          {isSelf && <span className="member__self"> ({t('members.you')})</span>}
        </span>
        {member.email && <span className="member__detail">{member.email}</span>}
        {member.organisation && <span className="member__detail">{member.organisation.name}</span>}
      </div>
      <div className="member__role">
        {member.canManage ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              {t('members.roleOf', { name: member.name })}
            </label>
            <select
              id={selectId}
              value={member.role}
              disabled={pending}
              onChange={(event) => void run(() => onChangeRole(member, event.target.value as Role))}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--quiet button--small button--danger"
              disabled={pending}
              aria-label={t('members.removeLabel', { name: member.name })}
              onClick={() => {
                if (window.confirm(t('members.removeConfirm', { name: member.name })))
                  void run(() => onRemove(member));
              }}
            >
              {t('members.remove')}
            </button>
          </>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </div>
    </li>
  );
}
