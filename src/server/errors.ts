import type { FastifyError, FastifyInstance } from 'fastify';
import { StoreConflictError, StoreNotFoundError, StoreValidationError } from '../store/index.js';
import { PanoramaError } from '../contract/errors/index.js';
import { pickLang } from '../contract/lang.js';

/** An error meant for the API client: status, stable code, French message, optional details. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'bad_request', message, details);
export const unauthenticated = () =>
  new ApiError(401, 'unauthenticated', 'Vous devez vous connecter pour accéder à cette page.');
export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour cette action.") =>
  new ApiError(403, 'forbidden', message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} introuvable.`);

/** `value`, or a 404 naming `what` when the store found nothing. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw notFound(what);
  return value;
}

export interface ErrorBody {
  error: { code: string; message: string; params?: unknown; details?: unknown };
}

/** Maps every failure to `{ error: { code, message, details? } }`; never leaks a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError | PanoramaError, request, reply) => {
    if (err instanceof PanoramaError) {
      // The message is worded at the edge, in the language the client asked for.
      const lang = pickLang(request.headers['accept-language']);
      const body: ErrorBody = { error: { code: err.code, message: err.messageIn(lang), params: err.params } };
      if (err.details !== undefined) body.error.details = err.details;
      const retryAfter = (err.params as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      if (err.status >= 500 && err.status !== 503) request.log.error(err);
      return reply.status(err.status).send(body);
    }
    if (err instanceof ApiError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message } };
      if (err.details !== undefined) body.error.details = err.details;
      return reply.status(err.statusCode).send(body);
    }
    // Storage errors a route did not translate itself still get a meaningful status.
    if (err instanceof StoreNotFoundError) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `Introuvable : ${err.entity} « ${err.id} ».` } });
    }
    if (err instanceof StoreConflictError) {
      return reply.status(409).send({ error: { code: 'conflict', message: `Conflit : ${err.message}` } });
    }
    if (err instanceof StoreValidationError) {
      return reply.status(400).send({
        error: { code: 'bad_request', message: `Données refusées : ${err.message}`, details: err.problems },
      });
    }
    const status = err.statusCode ?? 500;
    const known: Record<number, [string, string]> = {
      400: ['bad_request', 'Requête invalide.'],
      404: ['not_found', 'Ressource introuvable.'],
      413: [
        'body_too_large',
        'Le contenu envoyé est trop volumineux (limite : 5 Mo). Réduisez la taille du fichier.',
      ],
      415: ['unsupported_media_type', 'Type de contenu non pris en charge : envoyez du JSON.'],
      429: ['rate_limited', 'Trop de tentatives : réessayez dans une minute.'],
    };
    if (status === 413) {
      const limit = Math.round(app.initialConfig.bodyLimit! / 1024 / 1024);
      return reply.status(413).send({
        error: {
          code: 'body_too_large',
          message: `Le contenu envoyé est trop volumineux (limite : ${limit} Mo). Réduisez la taille du fichier.`,
        },
      });
    }
    if (status < 500 && known[status]) {
      const [code, message] = known[status];
      const detail = status === 400 && err.message ? ` (${err.message})` : '';
      return reply.status(status).send({ error: { code, message: message + detail } });
    }
    if (status < 500) {
      return reply.status(status).send({ error: { code: 'error', message: err.message } });
    }
    request.log.error(err);
    return reply.status(500).send({
      error: { code: 'internal', message: 'Erreur interne du serveur. Réessayez plus tard.' },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `Route inconnue : ${request.method} ${request.url}` },
    });
  });
}
