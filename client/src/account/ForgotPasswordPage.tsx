import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '@accord/shared';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { Link } from '../router/Link';
import { accountApi } from './accountApi';
import { useErrorMessage } from '../i18n/useErrorMessage';

/** Asks for a password-reset link by email; the answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const fields = useFieldErrors();
  useDocumentTitle(t('account.forgotTitle'));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setError(null);
    try {
      await accountApi.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('account.forgotTitle')}</h1>
        <p className="lead">{t('account.forgotIntro')}</p>
        {sentTo !== null && <Alert tone="success">{t('account.forgotSent', { email: sentTo })}</Alert>}
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
                autoComplete="email"
                required
                maxLength={Limits.emailMax}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </FormField>
          <button type="submit" className="button button--primary button--block" disabled={pending}>
            {pending ? t('account.forgotSending') : t('account.forgotSend')}
          </button>
        </form>
        <p className="auth-card__switch">
          <Link to="/sign-in">{t('account.backToSignIn')}</Link>
        </p>
      </section>
    </div>
  );
}
