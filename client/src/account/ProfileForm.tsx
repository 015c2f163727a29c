import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, type PresentedUser } from '@accord/shared';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { LANGUAGES, type LanguageCode } from '../i18n/LANGUAGES';
import { chooseLanguage } from '../i18n/chooseLanguage';
import { useSession } from '../session/useSession';
import { accountApi } from './accountApi';

/** Name and interface language (also that of the emails Accord sends). */
export function ProfileForm({ user }: { user: PresentedUser }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { signedIn } = useSession();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState(user.locale as LanguageCode);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const fields = useFieldErrors();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!fields.validate(event.currentTarget)) return;
    setPending(true);
    setResult(null);
    try {
      const { user: updated } = await accountApi.updateAccount({ name: name.trim(), locale });
      signedIn(updated);
      chooseLanguage(locale);
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={handleSubmit} onChange={fields.onChange} aria-busy={pending}>
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
      <FormField label={t('account.language')} hint={t('account.languageHint')}>
        {(field) => (
          <select
            {...field}
            value={locale}
            onChange={(event) => setLocale(event.target.value as LanguageCode)}
          >
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {result?.ok === true && <Alert tone="success">{t('account.profileSaved')}</Alert>}
      {result?.ok === false && <Alert tone="error">{errorMessage(result.error)}</Alert>}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('account.saving') : t('account.saveProfile')}
      </button>
    </form>
  );
}
