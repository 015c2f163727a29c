import type { Role } from '@accord/shared';
import type { OutgoingMail } from './Mailer.js';
import { composeMail } from './composeMail.js';
import { MAIL_TEXTS, mailLocale } from './mailTexts.js';

/**
 * The message with an invitation link: who invites, to which document (its title only: the
 * person cannot read the document yet) and with which role.
 */
export function invitationMail(input: {
  to: string;
  locale: string;
  inviterName: string;
  title: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const locale = mailLocale(input.locale);
  const t = MAIL_TEXTS[locale];
  const date = new Intl.DateTimeFormat(locale === 'pt' ? 'pt-BR' : locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(input.expiresAt);
  const body = composeMail(
    [
      { text: t.greeting('') },
      { text: t.inviteIntro(input.inviterName, input.title, t.roles[input.role] ?? input.role) },
      { link: input.link, label: t.inviteAction },
      { text: t.inviteAddress(input.to) },
      { text: t.inviteExpiry(date) },
      { text: t.signature },
    ],
    locale,
  );
  return { to: input.to, kind: 'invitation', locale, subject: t.inviteSubject(input.title), ...body };
}
