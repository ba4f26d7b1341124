import { defineErrors } from './define.js';

/** Which password field a policy error is about, worded in each language. */
export type PasswordField = 'password' | 'newPassword';
const FIELD = {
  fr: { password: 'Mot de passe', newPassword: 'Nouveau mot de passe' },
  en: { password: 'Password', newPassword: 'New password' },
} as const;

/** Errors of accounts: sign-in, passwords, reset links and the administration of users. */
export const accountErrors = defineErrors({
  csrf: {
    status: 403,
    fr: () => 'Jeton de sécurité (CSRF) manquant ou invalide : rechargez la page puis réessayez.',
    en: () => 'Security token (CSRF) missing or invalid: reload the page and try again.',
  },
  invalid_credentials: {
    status: 401,
    fr: () => 'Adresse e-mail ou mot de passe incorrect.',
    en: () => 'Incorrect e-mail address or password.',
  },
  account_disabled: {
    status: 403,
    fr: () =>
      'Ce compte est désactivé : demandez à un administrateur de le réactiver (ou, sur le serveur, « panorama admin enable <e-mail> »).',
    en: () =>
      'This account is disabled: ask an administrator to enable it again (or, on the server, "panorama admin enable <e-mail>").',
  },
  login_rate_limited: {
    status: 429,
    fr: (p: { retryAfterSeconds: number; per: 'account' | 'address' }) =>
      `Trop de tentatives de connexion échouées ${p.per === 'account' ? 'pour ce compte' : 'depuis cette adresse'} : réessayez dans ${p.retryAfterSeconds} secondes.`,
    en: (p: { retryAfterSeconds: number; per: 'account' | 'address' }) =>
      `Too many failed sign-in attempts ${p.per === 'account' ? 'for this account' : 'from this address'}: try again in ${p.retryAfterSeconds} seconds.`,
  },
  password_change_required: {
    status: 403,
    fr: () =>
      'Votre mot de passe est temporaire : choisissez votre propre mot de passe dans « Mon compte » avant de continuer.',
    en: () => 'Your password is temporary: choose your own password in "My account" before going on.',
  },
  password_too_short: {
    status: 400,
    fr: (p: { field: PasswordField; min: number; length: number }) =>
      `${FIELD.fr[p.field]} : le mot de passe doit contenir au moins ${p.min} caractères (il en a ${p.length}).`,
    en: (p: { field: PasswordField; min: number; length: number }) =>
      `${FIELD.en[p.field]}: the password must have at least ${p.min} characters (it has ${p.length}).`,
  },
  password_too_long: {
    status: 400,
    fr: (p: { field: PasswordField; max: number }) =>
      `${FIELD.fr[p.field]} : le mot de passe ne peut dépasser ${p.max} caractères.`,
    en: (p: { field: PasswordField; max: number }) =>
      `${FIELD.en[p.field]}: the password cannot exceed ${p.max} characters.`,
  },
  password_common: {
    status: 400,
    fr: (p: { field: PasswordField }) =>
      `${FIELD.fr[p.field]} : ce mot de passe figure dans la liste des mots de passe les plus répandus, que les attaquants essaient en premier. Choisissez-en un autre, par exemple une phrase de plusieurs mots.`,
    en: (p: { field: PasswordField }) =>
      `${FIELD.en[p.field]}: this password is in the list of the most common passwords, which attackers try first. Choose another one, for instance a sentence of several words.`,
  },
  password_repeated: {
    status: 400,
    fr: (p: { field: PasswordField; char: string }) =>
      `${FIELD.fr[p.field]} : un mot de passe fait d'un seul caractère répété (« ${p.char} ») se devine immédiatement. Choisissez-en un autre.`,
    en: (p: { field: PasswordField; char: string }) =>
      `${FIELD.en[p.field]}: a password made of one repeated character ("${p.char}") is guessed at once. Choose another one.`,
  },
  password_current_wrong: {
    status: 400,
    fr: () => 'Mot de passe actuel incorrect : le mot de passe n’a pas été changé.',
    en: () => 'Current password incorrect: the password was not changed.',
  },
  password_unchanged: {
    status: 400,
    fr: () => 'Le nouveau mot de passe doit être différent de l’actuel.',
    en: () => 'The new password must differ from the current one.',
  },
  reset_link_invalid: {
    status: 400,
    fr: () =>
      'Ce lien de réinitialisation est invalide, expiré ou déjà utilisé. Demandez un nouveau lien à un administrateur.',
    en: () => 'This reset link is invalid, expired or already used. Ask an administrator for a new link.',
  },
  last_admin: {
    status: 409,
    fr: (p: { email: string; action: 'disable' | 'demote' }) =>
      `${p.email} est le dernier administrateur actif : il ne peut pas être ${p.action === 'disable' ? 'désactivé' : 'changé de rôle'}. Nommez d'abord un autre administrateur.`,
    en: (p: { email: string; action: 'disable' | 'demote' }) =>
      `${p.email} is the last active administrator: it cannot be ${p.action === 'disable' ? 'disabled' : 'given another role'}. Make someone else an administrator first.`,
  },
  account_not_found: {
    status: 404,
    fr: (p: { account: string }) => `Compte introuvable : « ${p.account} ».`,
    en: (p: { account: string }) => `Account not found: "${p.account}".`,
  },
  account_email_taken: {
    status: 409,
    fr: (p: { email: string }) => `Un compte existe déjà avec l'adresse e-mail ${p.email}.`,
    en: (p: { email: string }) => `An account already exists with the e-mail address ${p.email}.`,
  },
  account_unknown_territory: {
    status: 400,
    fr: (p: { territory: string }) => `Territoire inconnu : « ${p.territory} ».`,
    en: (p: { territory: string }) => `Unknown territory: "${p.territory}".`,
  },
  account_correspondent_needs_territory: {
    status: 400,
    fr: () => 'Un correspondant doit être rattaché à au moins un territoire.',
    en: () => 'A correspondent must be attached to at least one territory.',
  },
  reset_mail_failed: {
    status: 502,
    fr: (p: { email: string }) =>
      `Le lien n'a pas pu être envoyé à ${p.email} (serveur de messagerie). Réessayez ou choisissez « afficher le lien ».`,
    en: (p: { email: string }) =>
      `The link could not be sent to ${p.email} (mail server). Try again or choose "show the link".`,
  },
});
