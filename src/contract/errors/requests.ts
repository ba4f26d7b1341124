import { defineErrors } from './define.js';
import { thing, type Thing } from './common.js';

/**
 * Errors of the HTTP edge and of the administration routes: unknown routes, refused bodies,
 * campaigns that are not open, unknown references. Each message says what to do.
 */
const q = (text: string) => `« ${text} »`;
const list = (items: string[] | undefined) => [items ?? []].flat().join(', ');

export const requestErrors = defineErrors({
  route_not_found: {
    status: 404,
    fr: (p: { method: string; url: string }) =>
      `Route inconnue : ${p.method} ${p.url}. Vérifiez l'adresse (voir la documentation de l'API, /api/docs).`,
    en: (p: { method: string; url: string }) =>
      `Unknown route: ${p.method} ${p.url}. Check the address (see the API documentation, /api/docs).`,
  },
  body_too_large: {
    status: 413,
    fr: (p: { limitMegabytes: number }) =>
      `Le contenu envoyé est trop volumineux (limite : ${p.limitMegabytes} Mo). Réduisez la taille du fichier.`,
    en: (p: { limitMegabytes: number }) =>
      `The content sent is too large (limit: ${p.limitMegabytes} MB). Reduce the size of the file.`,
  },
  unsupported_media_type: {
    status: 415,
    fr: () => 'Type de contenu non pris en charge : envoyez du JSON.',
    en: () => 'Unsupported content type: send JSON.',
  },
  rate_limited: {
    status: 429,
    fr: () => 'Trop de tentatives : réessayez dans une minute.',
    en: () => 'Too many attempts: try again in a minute.',
  },
  request_refused: {
    status: 400,
    fr: (p: { status: number }) => `Requête refusée par le serveur (code HTTP ${p.status}).`,
    en: (p: { status: number }) => `Request refused by the server (HTTP status ${p.status}).`,
  },
  unknown_reference: {
    status: 400,
    fr: (p: { what: Thing; id: string }) =>
      `${thing(p.what, 'fr')} ${q(p.id)} introuvable : vérifiez l'identifiant.`,
    en: (p: { what: Thing; id: string }) =>
      `${thing(p.what, 'en')} "${p.id}" not found: check the identifier.`,
  },
  territory_exists: {
    status: 409,
    fr: () => 'Ce territoire existe déjà.',
    en: () => 'This territory already exists.',
  },
  duplicate_value: {
    status: 409,
    fr: (p: { field?: string }) =>
      `Cette valeur est déjà utilisée${p.field ? ` (champ ${q(p.field)})` : ''} : choisissez-en une autre.`,
    en: (p: { field?: string }) =>
      `This value is already used${p.field ? ` (field "${p.field}")` : ''}: choose another one.`,
  },
  data_refused: {
    status: 400,
    fr: (p: { count: number }) =>
      `Données refusées (${p.count} problème${p.count > 1 ? 's' : ''}) : corrigez les champs indiqués.`,
    en: (p: { count: number }) =>
      `Data refused (${p.count} problem${p.count > 1 ? 's' : ''}): correct the fields shown.`,
  },
  campaign_dates_order: {
    status: 400,
    fr: () => "La date de clôture doit être postérieure à la date d'ouverture.",
    en: () => 'The closing date must come after the opening date.',
  },
  campaign_not_open: {
    status: 409,
    fr: (p: { campaign: string; opensAt: string }) =>
      `Le questionnaire ${q(p.campaign)} n'est pas encore ouvert : il ouvrira le ${p.opensAt}.`,
    en: (p: { campaign: string; opensAt: string }) =>
      `The questionnaire "${p.campaign}" is not open yet: it opens on ${p.opensAt}.`,
  },
  campaign_closed: {
    status: 409,
    fr: (p: { campaign?: string; closedAt?: string; action?: 'answers' | 'reminders' }) =>
      p.action === 'reminders'
        ? 'La campagne est close : les relances ne sont plus possibles.'
        : `Le questionnaire ${q(p.campaign ?? '')} est clos${p.closedAt ? ` depuis le ${p.closedAt}` : ''} : ` +
          'les réponses ne peuvent plus être envoyées ni modifiées.',
    en: (p: { campaign?: string; closedAt?: string; action?: 'answers' | 'reminders' }) =>
      p.action === 'reminders'
        ? 'The campaign is closed: reminders are no longer possible.'
        : `The questionnaire "${p.campaign ?? ''}" is closed${p.closedAt ? ` since ${p.closedAt}` : ''}: ` +
          'answers can no longer be sent or changed.',
  },
  sheet_no_structure: {
    status: 409,
    fr: () =>
      "La fiche « Se situer par rapport aux autres » n'existe que pour les structures invitées personnellement.",
    en: () => 'The "compare with the others" sheet only exists for structures invited personally.',
  },
  sheet_not_submitted: {
    status: 409,
    fr: () =>
      'Votre fiche sera disponible dès que vous aurez envoyé vos réponses : terminez le questionnaire puis cliquez sur « Envoyer ».',
    en: () =>
      'Your sheet will be available once you have sent your answers: finish the questionnaire, then click "Send".',
  },
  unknown_territory: {
    status: 404,
    fr: (p: { territory: string; level?: string; known?: string[] }) =>
      `Territoire ${q(p.territory)} inconnu${p.level ? ` pour le niveau ${q(p.level)}` : ''}.` +
      (p.known ? ` Territoires connus : ${list(p.known) || '(aucun)'}.` : ''),
    en: (p: { territory: string; level?: string; known?: string[] }) =>
      `Unknown territory "${p.territory}"${p.level ? ` for level "${p.level}"` : ''}.` +
      (p.known ? ` Known territories: ${list(p.known) || '(none)'}.` : ''),
  },
  invalid_indicators: {
    status: 422,
    fr: (p: { count: number; paths: string[] }) =>
      `Fichier d'indicateurs refusé (${p.count} problème${p.count > 1 ? 's' : ''}), voir : ${list(p.paths)}${p.count > [p.paths ?? []].flat().length ? ' …' : ''}`,
    en: (p: { count: number; paths: string[] }) =>
      `Indicator file refused (${p.count} problem${p.count > 1 ? 's' : ''}), see: ${list(p.paths)}${p.count > [p.paths ?? []].flat().length ? ' …' : ''}`,
  },
  report_filter_syntax: {
    status: 400,
    fr: (p: { item: string }) =>
      `Filtre ${q(p.item)} invalide : écrivez clé=valeur (par exemple territoire=Lille).`,
    en: (p: { item: string }) =>
      `Invalid filter "${p.item}": write key=value (for example territoire=Lille).`,
  },
});
