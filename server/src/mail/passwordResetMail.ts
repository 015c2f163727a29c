import type { OutgoingMail } from './Mailer.js';
import { composeMail } from './composeMail.js';
import { MAIL_TEXTS, mailLocale } from './mailTexts.js';

/** The message with a password-reset link, in the account's interface language. */
export function passwordResetMail(input: {
  to: string;
  name: string;
  locale: string;
  link: string;
  minutes: number;
}): OutgoingMail {
  const locale = mailLocale(input.locale);
  const t = MAIL_TEXTS[locale];
  const body = composeMail(
    [
      { text: t.greeting(input.name) },
      { text: t.resetIntro },
      { link: input.link, label: t.resetAction },
      { text: t.resetExpiry(input.minutes) },
      { text: t.resetIgnore },
      { text: t.signature },
    ],
    locale,
  );
  return { to: input.to, kind: 'password_reset', locale, subject: t.resetSubject, ...body };
}
