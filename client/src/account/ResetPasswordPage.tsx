import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '@accord/shared';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { Link } from '../router/Link';
import { navigate } from '../router/navigate';
import { useSession } from '../session/useSession';
import { accountApi } from './accountApi';
import { useErrorMessage } from '../i18n/useErrorMessage';

/**
 * The page an emailed reset link opens (`/reset-password#<token>`: the token is in the fragment,
 * so it never reaches a server log). The token is taken out of the address bar at once; once the
 * password is set, the browser is signed in and every other session has ended.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { signedIn } = useSession();
  const [token] = useState(() => window.location.hash.slice(1));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const fields = useFieldErrors();
  useDocumentTitle(t('account.resetTitle'));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setError(null);
    try {
      const { user } = await accountApi.resetPassword(token, password);
      signedIn(user);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('account.resetTitle')}</h1>
        {token === '' ? (
          <Alert tone="error">{t('account.tokenInvalid')}</Alert>
        ) : (
          <>
            <p className="lead">{t('account.resetIntro')}</p>
            {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
            <form
              className="form"
              noValidate
              onSubmit={handleSubmit}
              onChange={fields.onChange}
              aria-busy={pending}
            >
              <FormField
                label={t('account.newPassword')}
                hint={t('auth.passwordHint', { count: Limits.passwordMin })}
                error={fields.error('password')}
              >
                {(field) => (
                  <input
                    {...field}
                    type="password"
                    name="password"
                    autoComplete="new-password"
                    required
                    minLength={Limits.passwordMin}
                    maxLength={Limits.passwordMax}
                    value={password}
                    onChange={(event) => setPassword(event.target.value)}
                  />
                )}
              </FormField>
              <button type="submit" className="button button--primary button--block" disabled={pending}>
                {pending ? t('account.resetSaving') : t('account.resetSave')}
              </button>
            </form>
          </>
        )}
        <p className="auth-card__switch">
          <Link to="/forgot-password">{t('account.askAgain')}</Link>
        </p>
      </section>
    </div>
  );
}
