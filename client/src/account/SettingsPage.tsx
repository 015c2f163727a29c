import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useSession } from '../session/useSession';
import { DeleteAccountForm } from './DeleteAccountForm';
import { EmailChangeForm } from './EmailChangeForm';
import { NotificationEmailsForm } from './NotificationEmailsForm';
import { OrganisationForm } from './OrganisationForm';
import { PasswordChangeForm } from './PasswordChangeForm';
import { ProfileForm } from './ProfileForm';
import { LowDataForm } from '../lowData/LowDataForm';
import './account.css';

/** /settings: the signed-in user's own account. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const id = useId();
  useDocumentTitle(t('account.settingsTitle'));
  if (session.status !== 'signedIn') return null;
  return (
    <div className="settings">
      <h1>{t('account.settingsTitle')}</h1>
      <p className="lead">{t('account.settingsIntro', { email: session.user.email })}</p>
      <section className="card settings__section" aria-labelledby={`${id}-profile`}>
        <h2 id={`${id}-profile`}>{t('account.profileTitle')}</h2>
        <ProfileForm user={session.user} />
      </section>
      <section className="card settings__section" aria-labelledby={`${id}-organisation`}>
        <h2 id={`${id}-organisation`}>{t('auth.organisation')}</h2>
        <p className="hint">{t('account.organisationIntro')}</p>
        <OrganisationForm user={session.user} />
      </section>
      <section className="card settings__section" aria-labelledby={`${id}-email`}>
        <h2 id={`${id}-email`}>{t('account.emailTitle')}</h2>
        <p className="hint">{t('account.emailIntro')}</p>
        <EmailChangeForm />
      </section>
      <section className="card settings__section" aria-labelledby={`${id}-notifications`}>
        <h2 id={`${id}-notifications`}>{t('account.notificationEmailsTitle')}</h2>
        <p className="hint">{t('account.notificationEmailsIntro')}</p>
        <NotificationEmailsForm />
      </section>
      <section className="card settings__section" aria-labelledby={`${id}-password`}>
        <h2 id={`${id}-password`}>{t('account.passwordTitle')}</h2>
        <p className="hint">{t('account.passwordIntro')}</p>
        <PasswordChangeForm />
      </section>
      <section className="card settings__section" aria-labelledby={`${id}-device`}>
        <h2 id={`${id}-device`}>{t('offline.deviceTitle')}</h2>
        <LowDataForm />
      </section>
      <section className="card settings__section" aria-labelledby={`${id}-delete`}>
        <h2 id={`${id}-delete`}>{t('account.deleteTitle')}</h2>
        <p className="hint">{t('account.deleteIntro')}</p>
        <DeleteAccountForm user={session.user} />
      </section>
    </div>
  );
}
