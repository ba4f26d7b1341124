import { z } from 'zod';
import type { FastifyInstance } from 'fastify';

/**
 * Helpers of the contract tests: answers are checked BEFORE serialization against their route's
 * schema made strict, so a field the handler returns but the contract forgets (which the serializer
 * would silently drop for the web app) fails.
 */

/** The same schema with every plain object strict (unknown keys refused); loose objects stay loose. */
export function deepStrict(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = (schema as z.ZodObject).shape;
      if (def.catchall) return schema; // z.looseObject: every field kept on purpose
      return z.strictObject(
        Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, deepStrict(v as z.ZodType)])),
      );
    }
    case 'array':
      return z.array(deepStrict(def.element as z.ZodType));
    case 'nullable':
      return deepStrict(def.innerType as z.ZodType).nullable();
    case 'optional':
      return deepStrict(def.innerType as z.ZodType).optional();
    case 'union':
      return z.union((def.options as z.ZodType[]).map(deepStrict) as [z.ZodType, z.ZodType]);
    case 'record':
      return z.record(def.keyType as z.ZodString, deepStrict(def.valueType as z.ZodType));
    default:
      return schema;
  }
}

export interface Seen {
  route: string;
  status: number;
  payload: unknown;
  schema: unknown;
}

/** A plugin recording every answer with the response schema of its route and status. */
export function record(seen: Seen[]) {
  return (app: FastifyInstance) => {
    app.addHook('preSerialization', async (request, reply, payload) => {
      const response = (request.routeOptions.schema?.response ?? {}) as Record<string, unknown>;
      const status = reply.statusCode;
      const schema = response[String(status)] ?? response[`${String(status)[0]}xx`];
      seen.push({ route: `${request.method} ${request.routeOptions.url}`, status, payload, schema });
      return payload;
    });
  };
}

export const isZod = (s: unknown): s is z.ZodType => typeof s === 'object' && s !== null && '_zod' in s;

/**
 * Every recorded answer against its strict schema: the routes checked (`METHOD url status`) and one
 * line per distinct problem (array positions folded: "structures.[].email").
 */
export function strictProblems(seen: readonly Seen[]): { checked: Set<string>; problems: string[] } {
  const checked = new Set<string>();
  const problems: string[] = [];
  for (const { route, status, payload, schema } of seen) {
    if (!isZod(schema)) continue;
    checked.add(`${route} ${status}`);
    const result = deepStrict(schema).safeParse(payload);
    if (!result.success) {
      const issues = new Set(
        result.error.issues.map(
          (i) => `${i.path.map((p) => (typeof p === 'number' ? '[]' : String(p))).join('.')} ${i.message}`,
        ),
      );
      problems.push(`${route} ${status}: ${[...issues].join('; ')}`);
    }
  }
  return { checked, problems };
}
