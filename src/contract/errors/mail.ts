import { defineErrors } from './define.js';

/** Which text of a campaign's mail a template error is about, worded in each language. */
export type MailField =
  'invitation.subject' | 'invitation.body' | 'reminder.subject' | 'reminder.body' | 'signature';
const FIELD = {
  fr: {
    'invitation.subject': 'Objet de l’invitation',
    'invitation.body': 'Texte de l’invitation',
    'reminder.subject': 'Objet de la relance',
    'reminder.body': 'Texte de la relance',
    signature: 'Signature',
  },
  en: {
    'invitation.subject': 'Invitation subject',
    'invitation.body': 'Invitation text',
    'reminder.subject': 'Reminder subject',
    'reminder.body': 'Reminder text',
    signature: 'Signature',
  },
} as const;

const fieldIn = (lang: 'fr' | 'en', field: MailField): string => FIELD[lang][field] ?? String(field);
const braces = (names: string[] | undefined): string =>
  (Array.isArray(names) ? names : []).map((n) => `{${n}}`).join(', ');

/** Campaign mail: templates, scheduled reminders, previews and account invitations. */
export const mailErrors = defineErrors({
  mail_unknown_placeholder: {
    status: 422,
    fr: (p: { field: MailField; placeholder: string; known: string[] }) =>
      `${fieldIn('fr', p.field)} : le champ « {${p.placeholder}} » n’existe pas. Champs possibles : ${braces(p.known)}.`,
    en: (p: { field: MailField; placeholder: string; known: string[] }) =>
      `${fieldIn('en', p.field)}: the field "{${p.placeholder}}" does not exist. Possible fields: ${braces(p.known)}.`,
  },
  mail_placeholder_in_signature: {
    status: 422,
    fr: (p: { placeholder: string }) =>
      `Signature : elle ne peut pas contenir de champ (« {${p.placeholder}} ») ; écrivez-la telle qu’elle doit apparaître.`,
    en: (p: { placeholder: string }) =>
      `Signature: it cannot hold a field ("{${p.placeholder}}"); write it as it must appear.`,
  },
  mail_schedule_needs_closing: {
    status: 409,
    fr: () =>
      'La campagne n’a pas de date de clôture : fixez-la avant de programmer des relances (elles sont datées depuis la clôture).',
    en: () =>
      'The campaign has no closing date: set one before scheduling reminders (they are dated from the closing).',
  },
  mail_schedule_past: {
    status: 422,
    fr: (p: { days: number; date: string }) =>
      `La relance ${p.days} jour(s) avant la clôture tomberait le ${p.date}, date déjà passée : choisissez moins de jours.`,
    en: (p: { days: number; date: string }) =>
      `The reminder ${p.days} day(s) before closing would fall on ${p.date}, which has passed: choose fewer days.`,
  },
  mail_campaign_closed: {
    status: 409,
    fr: () => 'La campagne est close : plus aucune invitation ni relance ne peut être envoyée.',
    en: () => 'The campaign is closed: no invitation or reminder can be sent any more.',
  },
  mail_preview_no_structure: {
    status: 409,
    fr: () => 'Aucune structure invitée à cette campagne : l’aperçu a besoin d’au moins une structure.',
    en: () => 'No structure is invited to this campaign: the preview needs at least one structure.',
  },
  mail_structure_not_invited: {
    status: 404,
    fr: (p: { structure: string }) =>
      `La structure « ${p.structure} » n’est pas invitée à cette campagne (ou n’est pas dans vos territoires).`,
    en: (p: { structure: string }) =>
      `The structure "${p.structure}" is not invited to this campaign (or is outside your territories).`,
  },
});
