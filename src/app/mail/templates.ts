import { z } from 'zod';
import { PanoramaError } from '../../contract/errors/index.js';
import type { MailField } from '../../contract/errors/mail.js';
import type { MailKind } from '../../store/api-mail.js';

/**
 * The texts a federation sends for a campaign: an invitation and a reminder (subject and body),
 * with fields in braces filled per structure. Unknown fields are refused when the texts are saved,
 * with the field named, so that no structure ever receives a literal "{strucure}".
 */
export const PLACEHOLDERS = [
  'structure',
  'territoire',
  'campagne',
  'date_limite',
  'lien',
  'avancement',
  'federation',
  'signature',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

export const mailTemplate = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});
export type MailTemplate = z.infer<typeof mailTemplate>;

export const mailSettings = z.object({
  federation: z.string().trim().min(1).max(200),
  signature: z.string().trim().max(2000),
  invitation: mailTemplate,
  reminder: mailTemplate,
});
export type MailSettings = z.infer<typeof mailSettings>;

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  federation: 'La fédération des centres sociaux',
  signature: 'L’équipe de l’observatoire',
  invitation: {
    subject: 'Enquête « {campagne} » : votre structure est invitée à répondre',
    body: [
      'Bonjour,',
      '',
      '{federation} mène l’enquête « {campagne} » auprès des centres sociaux et espaces de vie sociale du réseau. Votre structure, {structure}, est invitée à y répondre d’ici le {date_limite}.',
      '',
      'Voici votre lien personnel ; il permet aussi de reprendre vos réponses plus tard, depuis n’importe quel appareil :',
      '{lien}',
      '',
      'Ce lien est propre à votre structure : merci de ne pas le transférer en dehors de celle-ci.',
      '',
      'Merci pour votre participation,',
      '',
      '{signature}',
      '{federation}',
    ].join('\n'),
  },
  reminder: {
    subject: 'Rappel : enquête « {campagne} » à compléter d’ici le {date_limite}',
    body: [
      'Bonjour,',
      '',
      'Sauf erreur de notre part, {structure} n’a pas encore envoyé ses réponses à l’enquête « {campagne} », qui se termine le {date_limite}.',
      '{avancement}',
      '',
      'Votre lien personnel :',
      '{lien}',
      '',
      'Si vous avez déjà répondu entre-temps, merci de ne pas tenir compte de ce message.',
      '',
      '{signature}',
      '{federation}',
    ].join('\n'),
  },
};

const FIELD_PATTERN = /\{([^{}\n]{0,60})\}/g;

/** The fields used in a text, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD_PATTERN)].map((m) => m[1]!.trim()))];
}

/** Refuses a text holding a field that does not exist (422, the field named in French). */
export function checkTemplateText(field: MailField, text: string): void {
  for (const name of placeholdersIn(text)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new PanoramaError('mail_unknown_placeholder', {
        field,
        placeholder: name,
        known: [...PLACEHOLDERS],
      });
    }
  }
}

export function checkMailSettings(settings: MailSettings): void {
  const [inSignature] = placeholdersIn(settings.signature);
  if (inSignature !== undefined)
    throw new PanoramaError('mail_placeholder_in_signature', { placeholder: inSignature });
  for (const kind of ['invitation', 'reminder'] as const) {
    checkTemplateText(`${kind}.subject`, settings[kind].subject);
    checkTemplateText(`${kind}.body`, settings[kind].body);
  }
}

/** Fills the fields; a line left empty by an empty field (e.g. {avancement}) is dropped. */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  const lines = text.split('\n').map((line) => {
    const onlyFields = line.trim().length > 0 && line.replace(FIELD_PATTERN, '').trim() === '';
    const filled = line.replace(FIELD_PATTERN, (whole, name: string) => {
      const value = values[name.trim() as Placeholder];
      return value === undefined ? whole : value;
    });
    return onlyFields && filled.trim() === '' ? null : filled;
  });
  return lines.filter((line) => line !== null).join('\n');
}

export function renderMail(
  settings: MailSettings,
  kind: MailKind,
  values: Omit<PlaceholderValues, 'federation' | 'signature'>,
): { subject: string; text: string } {
  const all: PlaceholderValues = {
    ...values,
    federation: settings.federation,
    signature: settings.signature,
  };
  const template = settings[kind];
  return {
    // A subject is one line: fields with line breaks (the signature) are flattened.
    subject: fillTemplate(template.subject, all).replace(/\s*\n\s*/g, ' '),
    text: fillTemplate(template.body, all) + '\n',
  };
}
