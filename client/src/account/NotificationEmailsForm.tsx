import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMAIL_CHOICES,
  NOTIFICATION_KINDS,
  type EmailChoice,
  type NotificationEmailSettings,
} from '@accord/shared';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { LoadingState } from '../components/LoadingState';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { accountApi } from './accountApi';

/** Which notifications come by email: at once, in the daily digest, or never (per kind). */
export function NotificationEmailsForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [settings, setSettings] = useState<NotificationEmailSettings | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    accountApi.notificationEmails().then(
      ({ settings: loaded }) => setSettings(loaded),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ ok: false, error });
      },
    );
    return () => controller.abort();
  }, []);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!settings) return;
    setPending(true);
    setResult(null);
    try {
      setSettings((await accountApi.setNotificationEmails(settings)).settings);
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setPending(false);
    }
  };

  if (!settings)
    return result?.ok === false ? (
      <Alert tone="error">{errorMessage(result.error)}</Alert>
    ) : (
      <LoadingState label={t('account.notificationEmailsLoading')} />
    );
  return (
    <form className="form" noValidate onSubmit={handleSubmit} aria-busy={pending}>
      {NOTIFICATION_KINDS.map((kind) => (
        <FormField key={kind} label={t(`account.notificationKinds.${kind}`)}>
          {(field) => (
            <select
              {...field}
              value={settings[kind]}
              onChange={(event) => setSettings({ ...settings, [kind]: event.target.value as EmailChoice })}
            >
              {EMAIL_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`account.emailChoices.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ))}
      {result?.ok === true && <Alert tone="success">{t('account.notificationEmailsSaved')}</Alert>}
      {result?.ok === false && <Alert tone="error">{errorMessage(result.error)}</Alert>}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('account.saving') : t('account.saveNotificationEmails')}
      </button>
    </form>
  );
}
