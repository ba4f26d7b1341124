import { defineErrors } from './define.js';
import { wordFieldIssue, type FieldIssue } from './zod.js';

/** Why an action is refused (403), worded in each language. */
export const FORBIDDEN_REASONS = {
  admin_only: {
    fr: 'Action réservée aux administrateurs.',
    en: 'This action is reserved for administrators.',
  },
  read_only: {
    fr: 'Votre compte est en lecture seule : cette modification est impossible.',
    en: 'Your account is read-only: this change is not possible.',
  },
  structure_out_of_scope: {
    fr: "Cette structure ne fait pas partie de vos territoires : vous n'y avez pas accès.",
    en: 'This structure is not in your territories: you have no access to it.',
  },
  territory_out_of_scope: {
    fr: "Ce territoire ne fait pas partie des vôtres : vous n'y avez pas accès.",
    en: 'This territory is not one of yours: you have no access to it.',
  },
  attach_out_of_scope: {
    fr: 'Vous ne pouvez rattacher une structure qu’à un de vos territoires.',
    en: 'You can only attach a structure to one of your territories.',
  },
  internal_brochure: {
    fr: 'La version interne (toutes les valeurs, sans secret statistique) est réservée aux administrateurs et correspondants.',
    en: 'The internal version (all values, without statistical confidentiality) is reserved for administrators and correspondents.',
  },
  reminders_out_of_scope: {
    fr: 'Structures hors de votre périmètre ou non invitées à cette campagne',
    en: 'Structures outside your territories or not invited to this campaign',
  },
  network_brochure: {
    fr: "La plaquette de l'ensemble du réseau est réservée aux administrateurs : choisissez un de vos territoires (paramètre territory).",
    en: 'The brochure of the whole network is reserved for administrators: choose one of your territories (territory parameter).',
  },
} as const;
export type ForbiddenReason = keyof typeof FORBIDDEN_REASONS;

/** What was not found (404) or is unknown in a request (400), as a noun in each language. */
export const THINGS = {
  campaign: { fr: 'Campagne', en: 'Campaign' },
  survey: { fr: 'Questionnaire', en: 'Questionnaire' },
  survey_version: { fr: 'Version du questionnaire', en: 'Questionnaire version' },
  survey_link: { fr: 'Lien de questionnaire', en: 'Questionnaire link' },
  public_link: { fr: 'Lien public', en: 'Public link' },
  structure: { fr: 'Structure', en: 'Structure' },
  invitation: {
    fr: 'Invitation de cette structure à la campagne',
    en: "This structure's invitation to the campaign",
  },
  account: { fr: 'Compte', en: 'Account' },
  territory: { fr: 'Territoire', en: 'Territory' },
  parent_territory: { fr: 'Territoire parent', en: 'Parent territory' },
  publication: { fr: 'Publication', en: 'Publication' },
  page: { fr: 'Page', en: 'Page' },
} as const;
export type Thing = keyof typeof THINGS;

/** Which part of an HTTP request a problem is in. */
export const REQUEST_PARTS = {
  body: { fr: 'Corps de la requête invalide', en: 'Invalid request body' },
  querystring: { fr: 'Paramètres de la requête invalides', en: 'Invalid request parameters' },
  params: { fr: 'Adresse invalide', en: 'Invalid address' },
  headers: { fr: 'En-têtes invalides', en: 'Invalid headers' },
} as const;
export type RequestPart = keyof typeof REQUEST_PARTS;

/** The noun of a thing in `lang` (the key itself for an unknown one, e.g. from a newer server). */
export const thing = (what: Thing, lang: 'fr' | 'en'): string =>
  (THINGS as Record<string, { fr: string; en: string } | undefined>)[what]?.[lang] ?? what;

/** ` : a, b.` after a reason that lists what it is about (French puts a space before the colon). */
const itemList = (items: string[] | undefined, lang: 'fr' | 'en') =>
  Array.isArray(items) && items.length ? `${lang === 'fr' ? ' : ' : ': '}${items.join(', ')}.` : '';

type BadRequest = { reason?: string; part?: RequestPart; issues?: FieldIssue[] };
const withId = (noun: string, id: string | undefined, lang: 'fr' | 'en') =>
  id === undefined ? noun : lang === 'fr' ? `${noun} « ${id} »` : `${noun} "${id}"`;

/** Errors any part of Panorama may raise. Module-specific ones live in a file of their own beside this one. */
export const commonErrors = defineErrors({
  bad_request: {
    status: 400,
    fr: (p: BadRequest) => {
      if (Array.isArray(p.issues) && p.issues.length) {
        const part = (p.part && REQUEST_PARTS[p.part]?.fr) || 'Requête invalide';
        const hint =
          p.part === 'params' ? ' Vérifiez que le lien a été copié en entier, sans caractère en trop.' : '';
        return `${part} : ${p.issues.map((i) => wordFieldIssue(i, 'fr')).join(' ; ')}.${hint}`;
      }
      return p.reason ? `Requête invalide : ${p.reason}` : 'Requête invalide.';
    },
    en: (p: BadRequest) => {
      if (Array.isArray(p.issues) && p.issues.length) {
        const part = (p.part && REQUEST_PARTS[p.part]?.en) || 'Invalid request';
        const hint =
          p.part === 'params' ? ' Check that the link was copied in full, with no extra character.' : '';
        return `${part}: ${p.issues.map((i) => wordFieldIssue(i, 'en')).join('; ')}.${hint}`;
      }
      return p.reason ? `Invalid request: ${p.reason}` : 'Invalid request.';
    },
  },
  unauthenticated: {
    status: 401,
    fr: () => 'Vous devez vous connecter pour accéder à cette page.',
    en: () => 'You must sign in to access this page.',
  },
  forbidden: {
    status: 403,
    fr: (p: { reason?: ForbiddenReason; items?: string[] }) =>
      (p.reason && p.reason in FORBIDDEN_REASONS
        ? FORBIDDEN_REASONS[p.reason].fr
        : "Vous n'avez pas les droits nécessaires pour cette action.") + itemList(p.items, 'fr'),
    en: (p: { reason?: ForbiddenReason; items?: string[] }) =>
      (p.reason && p.reason in FORBIDDEN_REASONS
        ? FORBIDDEN_REASONS[p.reason].en
        : 'You do not have the rights needed for this action.') + itemList(p.items, 'en'),
  },
  not_found: {
    status: 404,
    fr: (p: { what?: Thing; id?: string }) =>
      p.what ? `${withId(thing(p.what, 'fr'), p.id, 'fr')} introuvable.` : 'Ressource introuvable.',
    en: (p: { what?: Thing; id?: string }) =>
      p.what ? `${withId(thing(p.what, 'en'), p.id, 'en')} not found.` : 'Resource not found.',
  },
  conflict: {
    status: 409,
    fr: () => "Conflit : l'état a changé entre-temps. Rechargez la page puis réessayez.",
    en: () => 'Conflict: the state changed in the meantime. Reload the page and try again.',
  },
  internal: {
    status: 500,
    fr: () => 'Erreur interne du serveur. Réessayez plus tard.',
    en: () => 'Internal server error. Please try again later.',
  },
});
