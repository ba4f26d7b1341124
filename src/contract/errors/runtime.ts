import { defineErrors } from './define.js';

/** Errors of the server's shared resources (the document render pool) and of upload limits. */
export const runtimeErrors = defineErrors({
  render_busy: {
    status: 503,
    fr: (p: { pending: number; retryAfterSeconds: number }) =>
      `Le serveur prépare déjà ${p.pending} documents (rapports, plaquettes, PDF) : ` +
      `réessayez dans ${p.retryAfterSeconds} secondes. Les questionnaires restent disponibles.`,
    en: (p: { pending: number; retryAfterSeconds: number }) =>
      `The server is already preparing ${p.pending} documents (reports, brochures, PDFs): ` +
      `try again in ${p.retryAfterSeconds} seconds. Questionnaires remain available.`,
  },
});
