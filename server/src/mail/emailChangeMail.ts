import type { OutgoingMail } from './Mailer.js';
import { composeMail } from './composeMail.js';
import { MAIL_TEXTS, mailLocale } from './mailTexts.js';

/** The confirmation link sent to an account's new address, in the account's language. */
export function emailChangeMail(input: {
  to: string;
  name: string;
  locale: string;
  link: string;
}): OutgoingMail {
  const locale = mailLocale(input.locale);
  const t = MAIL_TEXTS[locale];
  const body = composeMail(
    [
      { text: t.greeting(input.name) },
      { text: t.emailIntro(input.to) },
      { link: input.link, label: t.emailAction },
      { text: t.emailIgnore },
      { text: t.signature },
    ],
    locale,
  );
  return { to: input.to, kind: 'email_change', locale, subject: t.emailSubject, ...body };
}
