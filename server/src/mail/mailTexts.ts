/** Interface languages of messages; anything else is sent in English. */
export type MailLocale = 'en' | 'es' | 'pt' | 'fr';

export const mailLocale = (locale: string): MailLocale =>
  locale === 'es' || locale === 'pt' || locale === 'fr' ? locale : 'en';

interface Texts {
  greeting: (name: string) => string;
  signature: string;
  resetSubject: string;
  resetIntro: string;
  resetAction: string;
  resetExpiry: (minutes: number) => string;
  resetIgnore: string;
  inviteSubject: (title: string) => string;
  inviteIntro: (inviter: string, title: string, role: string) => string;
  inviteAction: string;
  inviteExpiry: (date: string) => string;
  inviteAddress: (email: string) => string;
  roles: Record<string, string>;
  emailSubject: string;
  emailIntro: (email: string) => string;
  emailAction: string;
  emailIgnore: string;
  /** how a deleted account is named */
  formerMember: string;
}

/** Every string of Accord's messages, per language (the client's are in its locale files). */
export const MAIL_TEXTS: Record<MailLocale, Texts> = {
  en: {
    formerMember: 'A former member',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    signature: '— Accord',
    resetSubject: 'Reset your Accord password',
    resetIntro: 'Someone (we hope you) asked to reset the password of your Accord account.',
    resetAction: 'Choose a new password',
    resetExpiry: (minutes) => `The link works once, for ${minutes} minutes.`,
    resetIgnore: 'If you did not ask for this, ignore this message: your password stays as it is.',
    inviteSubject: (title) => `Invitation to “${title}” on Accord`,
    inviteIntro: (inviter, title, role) => `${inviter} invites you to “${title}” on Accord as ${role}.`,
    inviteAction: 'Open the invitation',
    inviteExpiry: (date) => `The link works once, until ${date}.`,
    inviteAddress: (email) => `The invitation is for ${email}: sign in or register with this address.`,
    roles: { observer: 'observer', reviewer: 'reviewer', drafter: 'drafter', coordinator: 'coordinator' },
    emailSubject: 'Confirm your new Accord email address',
    emailIntro: (email) => `Confirm that ${email} is the new email address of your Accord account.`,
    emailAction: 'Confirm the new address',
    emailIgnore: 'If you did not ask for this, ignore this message: nothing changes.',
  },
  es: {
    formerMember: 'Un antiguo miembro',
    greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    signature: '— Accord',
    resetSubject: 'Restablezca su contraseña de Accord',
    resetIntro: 'Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta de Accord.',
    resetAction: 'Elegir una contraseña nueva',
    resetExpiry: (minutes) => `El enlace sirve una sola vez, durante ${minutes} minutos.`,
    resetIgnore: 'Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
    inviteSubject: (title) => `Invitación a «${title}» en Accord`,
    inviteIntro: (inviter, title, role) => `${inviter} le invita a «${title}» en Accord como ${role}.`,
    inviteAction: 'Abrir la invitación',
    inviteExpiry: (date) => `El enlace sirve una sola vez, hasta el ${date}.`,
    inviteAddress: (email) => `La invitación es para ${email}: inicie sesión o regístrese con esa dirección.`,
    emailSubject: 'Confirme su nueva dirección de correo en Accord',
    emailIntro: (email) => `Confirme que ${email} es la nueva dirección de correo de su cuenta de Accord.`,
    emailAction: 'Confirmar la nueva dirección',
    emailIgnore: 'Si no lo pidió, ignore este mensaje: nada cambia.',
    roles: {
      observer: 'observador/a',
      reviewer: 'revisor/a',
      drafter: 'redactor/a',
      coordinator: 'coordinador/a',
    },
  },
  pt: {
    formerMember: 'Um antigo membro',
    greeting: (name) => (name ? `Olá, ${name},` : 'Olá,'),
    signature: '— Accord',
    resetSubject: 'Redefina sua senha do Accord',
    resetIntro: 'Alguém (esperamos que você) pediu para redefinir a senha da sua conta do Accord.',
    resetAction: 'Escolher uma nova senha',
    resetExpiry: (minutes) => `O link funciona uma única vez, por ${minutes} minutos.`,
    resetIgnore: 'Se você não pediu isso, ignore esta mensagem: sua senha continua a mesma.',
    inviteSubject: (title) => `Convite para “${title}” no Accord`,
    inviteIntro: (inviter, title, role) => `${inviter} convida você para “${title}” no Accord como ${role}.`,
    inviteAction: 'Abrir o convite',
    inviteExpiry: (date) => `O link funciona uma única vez, até ${date}.`,
    inviteAddress: (email) => `O convite é para ${email}: entre ou cadastre-se com este endereço.`,
    emailSubject: 'Confirme seu novo e-mail no Accord',
    emailIntro: (email) => `Confirme que ${email} é o novo e-mail da sua conta do Accord.`,
    emailAction: 'Confirmar o novo endereço',
    emailIgnore: 'Se você não pediu isso, ignore esta mensagem: nada muda.',
    roles: {
      observer: 'observador(a)',
      reviewer: 'revisor(a)',
      drafter: 'redator(a)',
      coordinator: 'coordenador(a)',
    },
  },
  fr: {
    formerMember: 'Un ancien membre',
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    signature: '— Accord',
    resetSubject: 'Réinitialisez votre mot de passe Accord',
    resetIntro:
      'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Accord.',
    resetAction: 'Choisir un nouveau mot de passe',
    resetExpiry: (minutes) => `Le lien ne sert qu’une fois, pendant ${minutes} minutes.`,
    resetIgnore: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
    inviteSubject: (title) => `Invitation à « ${title} » sur Accord`,
    inviteIntro: (inviter, title, role) =>
      `${inviter} vous invite à « ${title} » sur Accord en tant que ${role}.`,
    inviteAction: 'Ouvrir l’invitation',
    inviteExpiry: (date) => `Le lien ne sert qu’une fois, jusqu’au ${date}.`,
    inviteAddress: (email) =>
      `L’invitation est pour ${email} : connectez-vous ou inscrivez-vous avec cette adresse.`,
    emailSubject: 'Confirmez votre nouvelle adresse e-mail Accord',
    emailIntro: (email) => `Confirmez que ${email} est la nouvelle adresse e-mail de votre compte Accord.`,
    emailAction: 'Confirmer la nouvelle adresse',
    emailIgnore: 'Si vous n’avez rien demandé, ignorez ce message : rien ne change.',
    roles: {
      observer: 'observateur·rice',
      reviewer: 'relecteur·rice',
      drafter: 'rédacteur·rice',
      coordinator: 'coordinateur·rice',
    },
  },
};
