import { z } from 'zod';
import type { FastifyInstance, FastifyTypeProvider } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PanoramaError, parseFields, REQUEST_PARTS, type RequestPart } from '../contract/errors/index.js';
import { declareAccessOfPluginRoutes } from './auth/session.js';

/**
 * Parses with zod, or throws a 400 `bad_request` naming each field and what it expects, worded
 * by the catalogue in the client's language (never zod's text). Details: `{ path, issue }`, each
 * given its `message` at the edge.
 */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.output<S> {
  const result = parseFields(schema, value);
  if (result.ok) return result.data;
  throw new PanoramaError('bad_request', { part, issues: result.issues }).with(
    result.issues.map((issue) => ({ path: issue.field, issue })),
  );
}

/**
 * Lets route handlers see the zod schemas' output types: `request.params`, `request.query` and
 * `request.body` are typed from the route's schema instead of being cast (`app.withTypeProvider`).
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

function isZod(schema: unknown): schema is z.ZodType {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}

/**
 * Route schemas are zod schemas: they validate (and coerce) the request and, converted with
 * `z.toJSONSchema`, describe the route in the OpenAPI document — one source of truth.
 */
export async function installZodSchemas(app: FastifyInstance): Promise<void> {
  // Responses go through their route's zod schema: what the contract does not declare is left out
  // (no stray internal field reaches a client), and an answer that breaks the contract is a server
  // error (500, logged) rather than a silent surprise for the web app. Strings and Buffers (files,
  // HTML, CSV) are never serialized.
  app.setSerializerCompiler(({ schema, url, method, httpStatus }) => {
    if (!isZod(schema)) return (data: unknown) => JSON.stringify(data);
    return (data: unknown) => {
      const result = schema.safeParse(data);
      if (result.success) return JSON.stringify(result.data);
      throw new ResponseContractError(`${method} ${url} ${httpStatus}`, result.error.issues);
    };
  });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (!isZod(schema)) return () => true;
    return (data: unknown) => {
      try {
        const part = httpPart && httpPart in REQUEST_PARTS ? (httpPart as RequestPart) : 'body';
        return { value: parseOr400(schema, data, part) };
      } catch (err) {
        return { error: err as Error };
      }
    };
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Panorama API',
        description:
          'Registry, surveys, campaigns, respondent forms, participation and reports. ' +
          'Sessions use the `panorama_session` cookie; state-changing requests need `x-csrf-token`. ' +
          'See docs/api.md.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'panorama_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: ({ schema, url }) => {
      if (!schema) return { schema, url };
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
        out[key] =
          key === 'response'
            ? responsesToJsonSchema(value)
            : isZod(value)
              ? toJsonSchema(value)
              : key === 'body'
                ? bodyByContentType(value)
                : value;
      }
      return { schema: out, url };
    },
  });
  // The OpenAPI document and its UI are public, like the web app.
  await app.register(async (docs) => {
    declareAccessOfPluginRoutes(docs, 'public');
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/**
 * `body: { content: { type: { schema: zod } } }` (a body accepted in several content types, e.g.
 * JSON or a multipart upload) in JSON Schema.
 */
function bodyByContentType(body: unknown): unknown {
  const content = (body as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  if (!content) return body;
  const out: Record<string, unknown> = {};
  for (const [type, media] of Object.entries(content))
    out[type] = isZod(media.schema) ? { ...media, schema: toJsonSchema(media.schema) } : media;
  return { ...(body as object), content: out };
}

/**
 * `response: { 200: zod, '4xx': zod, 200: { description, content: { type: { schema: zod } } } }` in
 * JSON Schema, as the client receives it (the schemas' output side).
 */
function responsesToJsonSchema(response: unknown): unknown {
  if (typeof response !== 'object' || response === null) return response;
  const out: Record<string, unknown> = {};
  for (const [status, value] of Object.entries(response as Record<string, unknown>)) {
    if (isZod(value)) {
      const json = toJsonSchema(value, 'output');
      out[status] = { description: value.description ?? (status.startsWith('2') ? 'OK' : 'Error'), ...json };
      continue;
    }
    const entry = value as { content?: Record<string, { schema?: unknown }> } | undefined;
    if (!entry?.content) {
      out[status] = value;
      continue;
    }
    const content: Record<string, unknown> = {};
    for (const [type, media] of Object.entries(entry.content)) {
      content[type] = isZod(media.schema)
        ? { ...media, schema: toJsonSchema(media.schema, 'output') }
        : media;
    }
    out[status] = { ...entry, content };
  }
  return out;
}

/** A route answered something its response schema does not describe: a server bug, never the client's. */
export class ResponseContractError extends Error {
  constructor(
    readonly route: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `response of ${route} does not match its schema: ` +
        issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; '),
    );
    this.name = 'ResponseContractError';
  }
}
