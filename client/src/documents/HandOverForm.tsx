import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@accord/shared';
import { Alert } from '../components/Alert';
import { useDocumentMembers } from '../document/useDocumentMembers';
import { manageApi } from './manageApi';
import { useErrorMessage } from '../i18n/useErrorMessage';

interface HandOverFormProps {
  documentId: string;
  currentUserId: string;
  /** `steppedDown`: the giver is no longer coordinator */
  onHandedOver(name: string, steppedDown: boolean): void;
}

/**
 * "Hand over the coordinator role": pick a member, and the role the giver keeps (coordinator:
 * the role is shared). One request; the document never has no coordinator.
 */
export function HandOverForm({ documentId, currentUserId, onHandedOver }: HandOverFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [refresh, setRefresh] = useState(0);
  const [members] = useDocumentMembers(documentId, refresh);
  const [userId, setUserId] = useState('');
  const [myRole, setMyRole] = useState<Role>('coordinator');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (members.status !== 'ready') return null;
  const others = members.members.filter((m) => m.userId !== currentUserId && m.role !== 'coordinator');
  if (others.length === 0) return <p className="hint">{t('manage.handOverNobody')}</p>;
  const chosen = others.find((m) => m.userId === userId) ?? others[0]!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await manageApi.handOver(documentId, chosen.userId, myRole === 'coordinator' ? undefined : myRole);
      setRefresh((n) => n + 1);
      onHandedOver(chosen.name, myRole !== 'coordinator');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="hand-over" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel__subtitle">
        {t('manage.handOverTitle')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-member`}>{t('manage.handOverTo')}</label>
        <select id={`${id}-member`} value={chosen.userId} onChange={(event) => setUserId(event.target.value)}>
          {others.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name} ({t(`roles.${m.role}`)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-mine`}>{t('manage.myRoleAfter')}</label>
        <select id={`${id}-mine`} value={myRole} onChange={(event) => setMyRole(event.target.value as Role)}>
          {[...ROLES].reverse().map((role) => (
            <option key={role} value={role}>
              {role === 'coordinator' ? t('manage.stayCoordinator') : t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('manage.handOver')}
      </button>
      {error && <Alert tone="error">{error}</Alert>}
    </form>
  );
}
