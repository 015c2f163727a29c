import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '@accord/shared';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { accountApi } from './accountApi';

/** Changes the password (the current one is asked for); every other session ends. */
export function PasswordChangeForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const fields = useFieldErrors();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setResult(null);
    try {
      await accountApi.changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit} onChange={fields.onChange} aria-busy={pending}>
      <FormField label={t('account.currentPassword')} error={fields.error('currentPassword')}>
        {(field) => (
          <input
            {...field}
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            required
            maxLength={Limits.passwordMax}
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('account.newPassword')}
        hint={t('auth.passwordHint', { count: Limits.passwordMin })}
        error={fields.error('newPassword')}
      >
        {(field) => (
          <input
            {...field}
            type="password"
            name="newPassword"
            autoComplete="new-password"
            required
            minLength={Limits.passwordMin}
            maxLength={Limits.passwordMax}
            value={newPassword}
            onChange={(event) => setNewPassword(event.target.value)}
          />
        )}
      </FormField>
      {result?.ok === true && <Alert tone="success">{t('account.passwordChanged')}</Alert>}
      {result?.ok === false && <Alert tone="error">{errorMessage(result.error)}</Alert>}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('account.saving') : t('account.changePassword')}
      </button>
    </form>
  );
}
