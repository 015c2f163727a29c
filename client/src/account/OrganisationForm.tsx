import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, ORGANISATION_KINDS, type OrganisationKind, type PresentedUser } from '@accord/shared';
import { Alert } from '../components/Alert';
import { CountrySelect } from '../components/CountrySelect';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useSession } from '../session/useSession';
import { accountApi } from './accountApi';

/**
 * The organisation shown next to the user's name: an existing one is picked by its name, type and
 * country, otherwise it is created; all three empty leaves it.
 */
export function OrganisationForm({ user }: { user: PresentedUser }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { signedIn } = useSession();
  const [name, setName] = useState(user.organisation?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind | ''>(user.organisation?.kind ?? '');
  const [country, setCountry] = useState(user.organisation?.country ?? '');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<
    { ok: true } | { ok: false; error: unknown } | { incomplete: true } | null
  >(null);
  const fields = useFieldErrors();
  const started = name.trim() !== '' || kind !== '' || country !== '';

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    if (started && (!name.trim() || !kind || !country)) {
      setResult({ incomplete: true });
      return;
    }
    setPending(true);
    setResult(null);
    try {
      const organisation = started && kind ? { name: name.trim(), kind, country } : null;
      const { user: updated } = await accountApi.updateAccount({ organisation });
      signedIn(updated);
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit} onChange={fields.onChange} aria-busy={pending}>
      <FormField label={t('auth.organisationName')} error={fields.error('organisation')}>
        {(field) => (
          <input
            {...field}
            name="organisation"
            autoComplete="organization"
            maxLength={Limits.organisationNameMax}
            required={started}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('auth.organisationKind')} error={fields.error('organisationKind')}>
        {(field) => (
          <select
            {...field}
            name="organisationKind"
            required={started}
            value={kind}
            onChange={(event) => setKind(event.target.value as OrganisationKind | '')}
          >
            <option value="">{t('auth.chooseKind')}</option>
            {ORGANISATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`organisationKinds.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('auth.country')} error={fields.error('country')}>
        {(field) => (
          <CountrySelect {...field} name="country" value={country} onChange={setCountry} required={started} />
        )}
      </FormField>
      {result && 'incomplete' in result && <Alert tone="error">{t('auth.organisationIncomplete')}</Alert>}
      {result && 'ok' in result && result.ok && <Alert tone="success">{t('account.profileSaved')}</Alert>}
      {result && 'ok' in result && !result.ok && <Alert tone="error">{errorMessage(result.error)}</Alert>}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('account.saving') : t('account.saveOrganisation')}
      </button>
    </form>
  );
}
