import { groupBy, type NotificationKind } from '@accord/shared';
import type { OutgoingMail } from './Mailer.js';
import { composeMail, type MailPart } from './composeMail.js';
import { MAIL_TEXTS, mailLocale } from './mailTexts.js';
import { NOTIFICATION_MAIL_TEXTS } from './notificationMailTexts.js';

/** One notification as an email says it: who did what in which document, and where to look. */
export interface MailedNotification {
  kind: NotificationKind;
  actorName: string;
  /** the digest groups by it (two documents may share a title) */
  documentId: string;
  documentTitle: string;
  role?: string;
  /** the thread or document, absolute */
  link: string;
}

const lineOf = (locale: ReturnType<typeof mailLocale>, n: MailedNotification) =>
  NOTIFICATION_MAIL_TEXTS[locale].line[n.kind](
    n.actorName || MAIL_TEXTS[locale].formerMember,
    n.documentTitle,
    n.role ? (MAIL_TEXTS[locale].roles[n.role] ?? n.role) : '',
  );

/** One notification, sent as it happens. */
export function notificationMail(input: {
  to: string;
  name: string;
  locale: string;
  notification: MailedNotification;
}): OutgoingMail {
  const locale = mailLocale(input.locale);
  const t = NOTIFICATION_MAIL_TEXTS[locale];
  const line = lineOf(locale, input.notification);
  const body = composeMail(
    [
      { text: MAIL_TEXTS[locale].greeting(input.name) },
      { text: line },
      { link: input.notification.link, label: t.open },
      { text: t.settings },
      { text: MAIL_TEXTS[locale].signature },
    ],
    locale,
  );
  return { to: input.to, kind: 'notification', locale, subject: t.subject(line), ...body };
}

/** The day's digest: the notifications grouped by document, oldest first within each. */
export function notificationDigestMail(input: {
  to: string;
  name: string;
  locale: string;
  notifications: MailedNotification[];
}): OutgoingMail {
  const locale = mailLocale(input.locale);
  const t = NOTIFICATION_MAIL_TEXTS[locale];
  const parts: MailPart[] = [{ text: MAIL_TEXTS[locale].greeting(input.name) }, { text: t.digestIntro }];
  for (const items of groupBy(input.notifications, (n) => n.documentId).values()) {
    parts.push({ text: `— ${items[0]!.documentTitle}` });
    for (const n of items) parts.push({ text: lineOf(locale, n) }, { link: n.link, label: t.open });
  }
  parts.push({ text: t.settings }, { text: MAIL_TEXTS[locale].signature });
  return {
    to: input.to,
    kind: 'notification_digest',
    locale,
    subject: t.digestSubject(input.notifications.length),
    ...composeMail(parts, locale),
  };
}
