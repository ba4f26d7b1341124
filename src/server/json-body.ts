import type { FastifyInstance } from 'fastify';
import { PanoramaError } from '../contract/errors/index.js';
import { lineColumnAt } from '../survey/json-position.js';
import { MAX_JSON_DEPTH, jsonDepthExcess } from '../survey/json-depth.js';

/**
 * Fastify's JSON parser, behind a depth check: a body nested deeper than MAX_JSON_DEPTH gets a 400
 * naming the depth before anything walks it. Prototype poisoning: `__proto__` keys are removed,
 * `constructor.prototype` is refused (Fastify's own protections, kept).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('remove', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    const excess = jsonDepthExcess(text);
    if (excess) {
      const { line, column } = lineColumnAt(text, excess.offset);
      done(new PanoramaError('json_too_deep', { depth: excess.depth, limit: MAX_JSON_DEPTH, line, column }));
      return;
    }
    void parse(request, text, done);
  });
}
