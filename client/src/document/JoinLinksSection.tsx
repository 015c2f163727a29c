import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_LINK_DAYS, JOIN_LINK_ROLES, type JoinLinkRole, type PresentedJoinLink } from '@accord/shared';
import { Alert } from '../components/Alert';
import { FormField } from '../components/FormField';
import { useDateFormat } from '../i18n/useDateFormat';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { CopyField } from './CopyField';
import { joinLinkUrl, joinLinksApi } from './joinLinksApi';

type Days = (typeof JOIN_LINK_DAYS)[number];

/**
 * Join links for workshops (coordinators): make a link for a role and a time, copy it (it is shown
 * once: only its hash is kept), see the active ones and revoke them.
 */
export function JoinLinksSection({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const id = useId();
  const [links, setLinks] = useState<PresentedJoinLink[] | null>(null);
  const [role, setRole] = useState<JoinLinkRole>('reviewer');
  const [days, setDays] = useState<Days>(1);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    joinLinksApi.list(documentId).then(
      ({ links: loaded }) => live && setLinks(loaded),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [documentId]);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const answer = await joinLinksApi.create(documentId, { role, expiresInDays: days });
      setLinks((current) => [answer.link, ...(current ?? [])]);
      setCreated({ id: answer.link.id, url: joinLinkUrl(answer.token) });
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  const revoke = async (link: PresentedJoinLink) => {
    setError(null);
    try {
      await joinLinksApi.revoke(documentId, link.id);
      setLinks((current) => (current ?? []).filter((l) => l.id !== link.id));
      if (created?.id === link.id) setCreated(null);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="join-links" aria-labelledby={`${id}-heading`} data-testid="join-links">
      <h3 id={`${id}-heading`} className="panel__subtitle">
        {t('joinLinks.title')}
      </h3>
      <p className="hint">{t('joinLinks.intro')}</p>
      <form className="form join-links__form" onSubmit={(event) => void create(event)} aria-busy={pending}>
        <FormField label={t('joinLinks.role')} hint={t(`roleDescriptions.${role}`)}>
          {(field) => (
            <select {...field} value={role} onChange={(event) => setRole(event.target.value as JoinLinkRole)}>
              {JOIN_LINK_ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`roles.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('joinLinks.expiry')}>
          {(field) => (
            <select {...field} value={days} onChange={(event) => setDays(Number(event.target.value) as Days)}>
              {JOIN_LINK_DAYS.map((value) => (
                <option key={value} value={value}>
                  {t('joinLinks.days', { count: value })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('joinLinks.creating') : t('joinLinks.create')}
        </button>
      </form>
      {created && (
        <div className="join-links__created">
          <CopyField label={t('joinLinks.newLink')} value={created.url} />
          <p className="hint">{t('joinLinks.shownOnce')}</p>
        </div>
      )}
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      {links !== null && links.length === 0 && <p className="hint">{t('joinLinks.none')}</p>}
      {links !== null && links.length > 0 && (
        <ul className="member-list" aria-label={t('joinLinks.activeTitle')}>
          {links.map((link) => (
            <li key={link.id} className="member">
              <span className="member__who">
                <span className="member__name">{t(`roles.${link.role}`)}</span>
                <span className="member__detail">
                  {t('joinLinks.until', { date: date.format(new Date(link.expiresAt)) })}
                </span>
              </span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('joinLinks.revokeLabel', {
                  role: t(`roles.${link.role}`),
                  date: date.format(new Date(link.expiresAt)),
                })}
                onClick={() => void revoke(link)}
              >
                {t('joinLinks.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
