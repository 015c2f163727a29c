import type { TFunction } from 'i18next';
import type { PresentedNotification } from '@accord/shared';

/** What a notification says, in the interface language ("Ana replied in “Agreement”"). */
export function notificationText(t: TFunction, item: PresentedNotification): string {
  const values = { name: item.actor.name, document: item.documentTitle };
  switch (item.kind) {
    case 'reply':
      return t('notifications.reply', values);
    case 'resolved':
      return t('notifications.resolved', values);
    case 'reopened':
      return t('notifications.reopened', values);
    case 'role_changed':
      return t('notifications.roleChanged', { ...values, role: t(`roles.${item.role ?? 'observer'}`) });
    default:
      return t('notifications.mention', values);
  }
}

/** Where a notification leads: its thread, or the document. */
export function notificationHref(item: PresentedNotification): string {
  const document = `/documents/${encodeURIComponent(item.documentId)}`;
  return item.threadId ? `${document}?comment=${encodeURIComponent(item.threadId)}` : document;
}
