import type { TFunction } from 'i18next';
import type { PresentedNotification } from '@accord/shared';
import { personName } from '../components/personName';

/** What a notification says, in the interface language ("Ana replied in “Agreement”"). */
export function notificationText(t: TFunction, item: PresentedNotification): string {
  const values = { name: personName(t, item.actor.name), document: item.documentTitle };
  switch (item.kind) {
    case 'reply':
      return t('notifications.reply', values);
    case 'resolved':
      return t('notifications.resolved', values);
    case 'reopened':
      return t('notifications.reopened', values);
    case 'version_frozen':
      return t('notifications.versionFrozen', values);
    case 'published':
      return t('notifications.published', values);
    case 'amendment_decided':
      return t('notifications.amendmentDecided', values);
    case 'signoff_requested':
      return t('notifications.signoffRequested', values);
    case 'invited':
      return t('notifications.invited', { ...values, role: t(`roles.${item.role ?? 'observer'}`) });
    case 'role_changed':
      return t('notifications.roleChanged', { ...values, role: t(`roles.${item.role ?? 'observer'}`) });
    default:
      return t('notifications.mention', values);
  }
}

/** Where a notification leads: its thread, the versions (versions, publications, sign-off), or the document. */
export function notificationHref(item: PresentedNotification): string {
  const document = `/documents/${encodeURIComponent(item.documentId)}`;
  // an invitation is answered on My documents
  if (item.kind === 'invited') return '/documents';
  if (item.threadId) return `${document}?comment=${encodeURIComponent(item.threadId)}`;
  if (item.kind === 'version_frozen' || item.kind === 'published' || item.kind === 'signoff_requested')
    return `${document}?view=versions`;
  return document;
}
