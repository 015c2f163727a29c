import type { NotificationKind } from '@accord/shared';
import type { MailLocale } from './mailTexts.js';

interface Texts {
  /** one line per notification: who did what, in which document (never the comment's text) */
  line: Record<NotificationKind, (name: string, document: string, role: string) => string>;
  subject: (line: string) => string;
  open: string;
  digestSubject: (count: number) => string;
  digestIntro: string;
  settings: string;
}

/** The notification emails' strings (no document text: titles and names only). */
export const NOTIFICATION_MAIL_TEXTS: Record<MailLocale, Texts> = {
  en: {
    line: {
      mention: (n, d) => `${n} mentioned you in “${d}”.`,
      reply: (n, d) => `${n} replied in a discussion you took part in, in “${d}”.`,
      resolved: (n, d) => `${n} resolved a discussion you took part in, in “${d}”.`,
      reopened: (n, d) => `${n} reopened a discussion you took part in, in “${d}”.`,
      role_changed: (n, d, r) => `${n} made you ${r} of “${d}”.`,
      version_frozen: (n, d) => `${n} froze a new version of “${d}”.`,
      published: (n, d) => `${n} published “${d}”.`,
      amendment_decided: (n, d) => `${n} decided on an amendment you tabled or co-sponsored, in “${d}”.`,
      signoff_requested: (n, d) => `${n} asks your organisation to sign off a version of “${d}”.`,
      invited: (n, d, r) => `${n} invited you to “${d}” as ${r}.`,
    },
    subject: (line) => `Accord: ${line}`,
    open: 'Open it in Accord',
    digestSubject: (count) => `Accord: ${count} new ${count === 1 ? 'notification' : 'notifications'}`,
    digestIntro: 'What happened in your documents since yesterday:',
    settings: 'You can choose which emails you get in your account settings.',
  },
  es: {
    line: {
      mention: (n, d) => `${n} le mencionó en «${d}».`,
      reply: (n, d) => `${n} respondió en una conversación en la que usted participó, en «${d}».`,
      resolved: (n, d) => `${n} resolvió una conversación en la que usted participó, en «${d}».`,
      reopened: (n, d) => `${n} reabrió una conversación en la que usted participó, en «${d}».`,
      role_changed: (n, d, r) => `${n} le asignó el rol ${r} en «${d}».`,
      version_frozen: (n, d) => `${n} congeló una nueva versión de «${d}».`,
      published: (n, d) => `${n} publicó «${d}».`,
      amendment_decided: (n, d) =>
        `${n} decidió sobre una enmienda que usted presentó o copatrocinó, en «${d}».`,
      signoff_requested: (n, d) => `${n} pide a su organización que apruebe una versión de «${d}».`,
      invited: (n, d, r) => `${n} le invitó a «${d}» con el rol ${r}.`,
    },
    subject: (line) => `Accord: ${line}`,
    open: 'Abrir en Accord',
    digestSubject: (count) =>
      `Accord: ${count} ${count === 1 ? 'notificación nueva' : 'notificaciones nuevas'}`,
    digestIntro: 'Lo que pasó en sus documentos desde ayer:',
    settings: 'Puede elegir qué correos recibe en la configuración de su cuenta.',
  },
  pt: {
    line: {
      mention: (n, d) => `${n} mencionou você em “${d}”.`,
      reply: (n, d) => `${n} respondeu em uma discussão da qual você participou, em “${d}”.`,
      resolved: (n, d) => `${n} resolveu uma discussão da qual você participou, em “${d}”.`,
      reopened: (n, d) => `${n} reabriu uma discussão da qual você participou, em “${d}”.`,
      role_changed: (n, d, r) => `${n} atribuiu a você o papel ${r} em “${d}”.`,
      version_frozen: (n, d) => `${n} congelou uma nova versão de “${d}”.`,
      published: (n, d) => `${n} publicou “${d}”.`,
      amendment_decided: (n, d) =>
        `${n} decidiu sobre uma emenda que você apresentou ou copatrocinou, em “${d}”.`,
      signoff_requested: (n, d) => `${n} pede à sua organização que aprove uma versão de “${d}”.`,
      invited: (n, d, r) => `${n} convidou você para “${d}” com o papel ${r}.`,
    },
    subject: (line) => `Accord: ${line}`,
    open: 'Abrir no Accord',
    digestSubject: (count) => `Accord: ${count} ${count === 1 ? 'notificação nova' : 'notificações novas'}`,
    digestIntro: 'O que aconteceu nos seus documentos desde ontem:',
    settings: 'Você pode escolher quais e-mails recebe nas configurações da sua conta.',
  },
  fr: {
    line: {
      mention: (n, d) => `${n} vous a mentionné dans « ${d} ».`,
      reply: (n, d) => `${n} a répondu dans une discussion à laquelle vous avez participé, dans « ${d} ».`,
      resolved: (n, d) => `${n} a résolu une discussion à laquelle vous avez participé, dans « ${d} ».`,
      reopened: (n, d) => `${n} a rouvert une discussion à laquelle vous avez participé, dans « ${d} ».`,
      role_changed: (n, d, r) => `${n} vous a attribué le rôle ${r} dans « ${d} ».`,
      version_frozen: (n, d) => `${n} a figé une nouvelle version de « ${d} ».`,
      published: (n, d) => `${n} a publié « ${d} ».`,
      amendment_decided: (n, d) =>
        `${n} a statué sur un amendement que vous avez déposé ou coparrainé, dans « ${d} ».`,
      signoff_requested: (n, d) => `${n} demande à votre organisation d’approuver une version de « ${d} ».`,
      invited: (n, d, r) => `${n} vous a invité à « ${d} » avec le rôle ${r}.`,
    },
    subject: (line) => `Accord : ${line}`,
    open: 'Ouvrir dans Accord',
    digestSubject: (count) =>
      `Accord : ${count} ${count === 1 ? 'nouvelle notification' : 'nouvelles notifications'}`,
    digestIntro: 'Ce qui s’est passé dans vos documents depuis hier :',
    settings: 'Vous pouvez choisir les e-mails que vous recevez dans les paramètres de votre compte.',
  },
};
