import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, ORGANISATION_KINDS, type OrganisationKind } from '@accord/shared';
import { accordApi, type RegisterInput } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { CountrySelect } from '../components/CountrySelect';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
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
  const fields = useFieldErrors();
  const [name, setName] = useState('');
  // an invitation link offers registering with the invited address
  const [email, setEmail] = useState(() => new URLSearchParams(window.location.search).get('email') ?? '');
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
    // each field says what is wrong with it (a name of spaces too), in the interface language
    if (!fields.validate(event.currentTarget)) return;
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
        <form
          className="form"
          noValidate
          onSubmit={handleSubmit}
          onChange={fields.onChange}
          aria-busy={pending}
        >
          <FormField label={t('auth.name')} error={fields.error('name')}>
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
          <FormField
            label={t('auth.password')}
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
          <fieldset className="fieldset">
            <legend>{t('auth.organisation')}</legend>
            <p id={`${id}-org-hint`} className="hint">
              {t('auth.organisationOptional')}
            </p>
            <FormField
              label={t('auth.organisationName')}
              describedBy={`${id}-org-hint`}
              error={fields.error('organisation')}
            >
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
            <FormField label={t('auth.organisationKind')} error={fields.error('organisationKind')}>
              {(field) => (
                <select
                  {...field}
                  name="organisationKind"
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
            <FormField label={t('auth.country')} error={fields.error('country')}>
              {(field) => (
                <CountrySelect
                  {...field}
                  name="country"
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
