import { defineErrors } from './define.js';

/** Errors of the access layer: how a request is matched to a route and its declared access. */
export const accessErrors = defineErrors({
  not_canonical_path: {
    status: 404,
    fr: () =>
      'Adresse introuvable : écrivez-la sans caractères encodés inutiles, sans « // », « . » ou « .. », ni barre finale.',
    en: () =>
      'Address not found: write it without needless encoded characters, "//", "." or "..", or a trailing slash.',
  },
  access_undeclared: {
    status: 403,
    fr: () => "Accès refusé : cette adresse ne déclare pas qui peut l'utiliser.",
    en: () => 'Access denied: this address does not declare who may use it.',
  },
  database_unavailable: {
    status: 503,
    fr: (p: { database: string }) =>
      `Base de données injoignable (${p.database}) : Panorama ne peut pas servir les demandes. Vérifiez que la base est démarrée et accessible.`,
    en: (p: { database: string }) =>
      `Database unreachable (${p.database}): Panorama cannot serve requests. Check that the database is running and reachable.`,
  },
});
