import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { PanoramaError, THINGS, type ForbiddenReason, type Thing } from '../contract/errors/index.js';
import { pickLang, type Lang } from '../contract/lang.js';
import type { ErrorBody } from '../contract/common.js';
import { asPanoramaError } from '../app/errors.js';

export const unauthenticated = () => new PanoramaError('unauthenticated');

const thingOf = (text: string) =>
  (Object.keys(THINGS) as Thing[]).find((key) => key === text || THINGS[key].fr === text);

/** A 403, with its reason when there is one (worded by the catalogue in the client's language). */
export function forbidden(reason?: ForbiddenReason): PanoramaError {
  return reason === undefined ? new PanoramaError('forbidden') : new PanoramaError('forbidden', { reason });
}

/** A 404 naming what was not found (a key of THINGS, or its French noun for older callers). */
export function notFound(what: Thing | string, id?: string): PanoramaError {
  const key = thingOf(what);
  if (!key) return new PanoramaError('not_found');
  return new PanoramaError('not_found', id === undefined ? { what: key } : { what: key, id });
}

/** `value`, or a 404 naming `what` when the store found nothing. */
export function found<T>(value: T | null | undefined, what: Thing | string): T {
  if (value === undefined || value === null) throw notFound(what);
  return value;
}

/** The language of the answer: the client's Accept-Language (the web UI sends its own language). */
export function requestLang(request: FastifyRequest): Lang {
  return pickLang(request.headers['accept-language']);
}

/** Fastify's own refusals (body too large, wrong content type, rate limit...) as catalogue errors. */
function fromFastify(err: FastifyError, app: FastifyInstance): PanoramaError | undefined {
  const status = err.statusCode ?? 500;
  if (status >= 500) return undefined;
  switch (status) {
    case 413:
      return new PanoramaError('body_too_large', {
        limitMegabytes: Math.round(app.initialConfig.bodyLimit! / 1024 / 1024),
      });
    case 415:
      return new PanoramaError('unsupported_media_type');
    case 429:
      return new PanoramaError('rate_limited');
    case 404:
      return new PanoramaError('not_found');
    case 400:
      // A JSON body that does not parse, an empty body with a JSON content type...: never the
      // parser's English text.
      return new PanoramaError('bad_request');
    default:
      return new PanoramaError('request_refused', { status });
  }
}

/**
 * Maps every failure to `{ error: { code, message, params?, details? } }`, the message worded in
 * the client's language; never leaks a stack trace nor a library's message.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | PanoramaError, request, reply) => {
    const err = asPanoramaError(raw) ?? fromFastify(raw, app);
    if (err) {
      const lang = requestLang(request);
      const body: ErrorBody = { error: { code: err.code, message: err.messageIn(lang), params: err.params } };
      if (err.details !== undefined) body.error.details = err.detailsIn(lang);
      const retryAfter = (err.params as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      if (err.status >= 500 && err.status !== 503) request.log.error(err);
      return reply.status(err.status).send(body);
    }
    request.log.error(raw);
    const internal = new PanoramaError('internal');
    return reply
      .status(500)
      .send({ error: { code: internal.code, message: internal.messageIn(requestLang(request)) } });
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new PanoramaError('route_not_found', { method: request.method, url: request.url });
    reply.status(404).send({
      error: { code: err.code, message: err.messageIn(requestLang(request)), params: err.params },
    });
  });
}
