import { defineErrors } from './define.js';

/** Errors any part of Panorama may raise. Module-specific ones live in a file of their own beside this one. */
export const commonErrors = defineErrors({
  bad_request: {
    status: 400,
    fr: (p: { reason?: string }) => (p.reason ? `Requête invalide : ${p.reason}` : 'Requête invalide.'),
    en: (p: { reason?: string }) => (p.reason ? `Invalid request: ${p.reason}` : 'Invalid request.'),
  },
  unauthenticated: {
    status: 401,
    fr: () => 'Vous devez vous connecter pour accéder à cette page.',
    en: () => 'You must sign in to access this page.',
  },
  forbidden: {
    status: 403,
    fr: () => "Vous n'avez pas les droits nécessaires pour cette action.",
    en: () => 'You do not have the rights needed for this action.',
  },
  not_found: {
    status: 404,
    fr: () => 'Ressource introuvable.',
    en: () => 'Resource not found.',
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
