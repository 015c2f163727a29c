import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, ORGANISATION_KINDS, type OrganisationKind } from '@accord/shared';
import { accordApi, type RegisterInput } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { CountrySelect } from '../components/CountrySelect';
import { FormField } from '../components/FormField';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { isLanguage } from '../i18n/i18n';
import { Link } from '../router/Link';
import { useSession } from '../session/useSession';

export function RegisterPage({ next }: { next: string | null }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { signedIn } = useSession();
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [organisationKind, setOrganisationKind] = useState<OrganisationKind | ''>('');
  const [country, setCountry] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // "an account with this email already exists" is about the email: it goes when the email changes
  const [errorIsEmail, setErrorIsEmail] = useState(false);
  useDocumentTitle(t('auth.registerTitle'));

  // the organisation is optional as a whole, but once started all three parts are needed
  const organisationStarted = organisationName.trim() !== '' || organisationKind !== '' || country !== '';

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrorIsEmail(false);
    // a name of spaces passes the browser's `required` check; name the field rather than let the
    // server answer a generic "not valid"
    if (!name.trim()) {
      setError(t('auth.nameRequired'));
      return;
    }
    if (organisationStarted && (!organisationName.trim() || !organisationKind || !country)) {
      setError(t('auth.organisationIncomplete'));
      return;
    }
    const input: RegisterInput = { email: email.trim(), password, name: name.trim() };
    if (organisationStarted && organisationKind) {
      input.organisation = { name: organisationName.trim(), kind: organisationKind, country };
    }
    const language = i18n.resolvedLanguage;
    if (isLanguage(language)) input.locale = language;
    setPending(true);
    setError(null);
    try {
      const { user } = await accordApi.register(input);
      signedIn(user);
    } catch (caught) {
      setError(errorMessage(caught));
      setErrorIsEmail(caught instanceof ApiError && caught.code === 'email_taken');
      setPending(false);
    }
  };

  const signInLink = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
  return (
    <div className="auth-page">
      <section className="card auth-card auth-card--wide" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('auth.registerTitle')}</h1>
        <p className="lead">{t('auth.registerIntro')}</p>
        {error !== null && <Alert tone="error">{error}</Alert>}
        <form className="form" onSubmit={handleSubmit} aria-busy={pending}>
          <FormField label={t('auth.name')}>
            {(field) => (
              <input
                {...field}
                name="name"
                autoComplete="name"
                required
                maxLength={Limits.nameMax}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('auth.email')}>
            {(field) => (
              <input
                {...field}
                type="email"
                name="email"
                autoComplete="email"
                required
                maxLength={Limits.emailMax}
                value={email}
                onChange={(event) => {
                  setEmail(event.target.value);
                  if (errorIsEmail) {
                    setError(null);
                    setErrorIsEmail(false);
                  }
                }}
              />
            )}
          </FormField>
          <FormField label={t('auth.password')} hint={t('auth.passwordHint', { count: Limits.passwordMin })}>
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
          <fieldset className="fieldset">
            <legend>{t('auth.organisation')}</legend>
            <p id={`${id}-org-hint`} className="hint">
              {t('auth.organisationOptional')}
            </p>
            <FormField label={t('auth.organisationName')} describedBy={`${id}-org-hint`}>
              {(field) => (
                <input
                  {...field}
                  name="organisation"
                  autoComplete="organization"
                  maxLength={Limits.organisationNameMax}
                  required={organisationStarted}
                  value={organisationName}
                  onChange={(event) => setOrganisationName(event.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('auth.organisationKind')}>
              {(field) => (
                <select
                  {...field}
                  required={organisationStarted}
                  value={organisationKind}
                  onChange={(event) => setOrganisationKind(event.target.value as OrganisationKind | '')}
                >
                  <option value="">{t('auth.chooseKind')}</option>
                  {ORGANISATION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`organisationKinds.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('auth.country')}>
              {(field) => (
                <CountrySelect
                  id={field.id}
                  value={country}
                  onChange={setCountry}
                  required={organisationStarted}
                />
              )}
            </FormField>
          </fieldset>
          <button type="submit" className="button button--primary button--block" disabled={pending}>
            {pending ? t('auth.registering') : t('auth.register')}
          </button>
        </form>
        <p className="auth-card__switch">
          {t('auth.haveAccount')} <Link to={signInLink}>{t('auth.signInInstead')}</Link>
        </p>
      </section>
    </div>
  );
}
