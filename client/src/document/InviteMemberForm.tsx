import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, ROLES, type PresentedInvitation, type Role } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useErrorMessage } from '../i18n/useErrorMessage';

interface InviteMemberFormProps {
  documentId: string;
  onInvited(invitation: PresentedInvitation): void;
}

export function InviteMemberForm({ documentId, onInvited }: InviteMemberFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const fields = useFieldErrors();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('drafter');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setResult(null);
    try {
      const { invitation } = await accordApi.invite(documentId, email.trim(), role);
      onInvited(invitation);
      setEmail('');
      setResult({
        tone: 'success',
        text: t('members.invited', { email: invitation.email, role: t(`roles.${invitation.role}`) }),
      });
    } catch (caught) {
      setResult({ tone: 'error', text: errorMessage(caught) });
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="form invite-form"
      noValidate
      onSubmit={handleSubmit}
      onChange={fields.onChange}
      aria-labelledby={`${id}-heading`}
      aria-busy={pending}
    >
      <h3 id={`${id}-heading`} className="panel__subtitle">
        {t('members.invite')}
      </h3>
      <p className="hint" id={`${id}-hint`}>
        {t('members.inviteIntro')}
      </p>
      <FormField label={t('members.email')} describedBy={`${id}-hint`} error={fields.error('email')}>
        {(field) => (
          <input
            {...field}
            type="email"
            name="email"
            required
            maxLength={Limits.emailMax}
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('members.role')} hint={`${t(`roles.${role}`)}: ${t(`roleDescriptions.${role}`)}`}>
        {(field) => (
          <select {...field} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('members.inviting') : t('members.sendInvite')}
      </button>
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
    </form>
  );
}
