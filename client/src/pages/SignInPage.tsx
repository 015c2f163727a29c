import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { Link } from '../router/Link';
import { useSession } from '../session/useSession';

export function SignInPage({ next, expired }: { next: string | null; expired: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const fields = useFieldErrors();
  useDocumentTitle(t('auth.signInTitle'));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setError(null);
    try {
      const { user } = await accordApi.login(email, password);
      signedIn(user);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  const registerLink = next ? `/register?next=${encodeURIComponent(next)}` : '/register';
  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('auth.signInTitle')}</h1>
        <p className="lead">{t('auth.signInIntro')}</p>
        {expired && error === null && <Alert tone="info">{t('auth.sessionExpired')}</Alert>}
        {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
        <form
          className="form"
          noValidate
          onSubmit={handleSubmit}
          onChange={fields.onChange}
          aria-busy={pending}
        >
          <FormField label={t('auth.email')} error={fields.error('email')}>
            {(field) => (
              <input
                {...field}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('auth.password')} error={fields.error('password')}>
            {(field) => (
              <input
                {...field}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </FormField>
          <button type="submit" className="button button--primary button--block" disabled={pending}>
            {pending ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
        <p className="auth-card__switch">
          <Link to="/forgot-password">{t('account.forgotLink')}</Link>
        </p>
        <p className="auth-card__switch">
          {t('auth.noAccount')} <Link to={registerLink}>{t('auth.createAccount')}</Link>
        </p>
      </section>
    </div>
  );
}
