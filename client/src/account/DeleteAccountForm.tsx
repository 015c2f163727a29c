import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, Limits, type LastCoordinatorDetails, type PresentedUser } from '@accord/shared';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { ConfirmDialog } from '../documents/ConfirmDialog';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { Link } from '../router/Link';
import { navigate } from '../router/navigate';
import { useSession } from '../session/useSession';
import { accountApi } from './accountApi';

/**
 * Deletes the account for good: the current password, then a dialog where the user types their
 * email address. Where they are the only coordinator, the documents to hand over are listed.
 */
export function DeleteAccountForm({ user }: { user: PresentedUser }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { signOut } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setError(null);
    setConfirming(true);
  };

  const remove = async () => {
    setPending(true);
    try {
      await accountApi.deleteAccount(currentPassword);
      // the server ended every session already; this forgets the user and this device's copies
      await signOut().catch(() => undefined);
      navigate('/');
    } catch (failure) {
      setError(failure);
      setConfirming(false);
      setPending(false);
    }
  };

  const handOver =
    error instanceof ApiError && error.code === ErrorCode.LAST_COORDINATOR
      ? ((error.details as LastCoordinatorDetails | undefined)?.documents ?? [])
      : null;

  return (
    <>
      <form
        className="form"
        noValidate
        onSubmit={handleSubmit}
        onChange={fields.onChange}
        aria-busy={pending}
      >
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
        {handOver !== null && (
          <Alert tone="error">
            <p>{t('account.deleteHandOverFirst')}</p>
            <ul className="settings__hand-over">
              {handOver.map((document) => (
                <li key={document.id}>
                  <Link to={`/documents/${document.id}`}>{document.title || t('account.untitled')}</Link>
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {error !== null && handOver === null && <Alert tone="error">{errorMessage(error)}</Alert>}
        <button type="submit" className="button button--danger" disabled={pending}>
          {t('account.deleteAccount')}
        </button>
      </form>
      {/* outside the form: the dialog's own form must not submit this one */}
      <ConfirmDialog
        open={confirming}
        title={t('account.deleteConfirmTitle')}
        confirmLabel={pending ? t('account.deleting') : t('account.deleteForGood')}
        danger
        busy={pending}
        typeToConfirm={{
          label: t('account.deleteTypeEmail', { email: user.email }),
          matches: (typed) => typed.trim().toLowerCase() === user.email.toLowerCase(),
        }}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('account.deleteConfirmBody')}</p>
      </ConfirmDialog>
    </>
  );
}
