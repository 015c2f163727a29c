import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '@accord/shared';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { accountApi } from './accountApi';

/** Asks to change the email: a link to confirm goes to the new address. */
export function EmailChangeForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ sentTo: string } | { error: unknown } | null>(null);
  const fields = useFieldErrors();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setResult(null);
    try {
      await accountApi.requestEmailChange(newEmail.trim(), currentPassword);
      setResult({ sentTo: newEmail.trim() });
      setCurrentPassword('');
    } catch (error) {
      setResult({ error });
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit} onChange={fields.onChange} aria-busy={pending}>
      <FormField label={t('account.newEmail')} error={fields.error('newEmail')}>
        {(field) => (
          <input
            {...field}
            type="email"
            name="newEmail"
            autoComplete="email"
            required
            maxLength={Limits.emailMax}
            value={newEmail}
            onChange={(event) => setNewEmail(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('account.currentPassword')} error={fields.error('emailCurrentPassword')}>
        {(field) => (
          <input
            {...field}
            type="password"
            name="emailCurrentPassword"
            autoComplete="current-password"
            required
            maxLength={Limits.passwordMax}
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        )}
      </FormField>
      {result && 'sentTo' in result && (
        <Alert tone="success">{t('account.emailLinkSent', { email: result.sentTo })}</Alert>
      )}
      {result && 'error' in result && <Alert tone="error">{errorMessage(result.error)}</Alert>}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('account.saving') : t('account.changeEmail')}
      </button>
    </form>
  );
}
