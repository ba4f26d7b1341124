import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { readCsvTable } from '../../ingest/csv-table.js';
import { readXlsxTable } from '../../ingest/xlsx-table.js';
import { InputError } from '../../ingest/problems.js';
import { cellText, type Table } from '../../ingest/table.js';
import { StoreError, StoreValidationError } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { currentUser } from '../access.js';
import { parseOr400 } from '../openapi.js';
import { mapColumns, planImport, type ImportPlan, type ImportProblem } from '../registry-import.js';

export const importBody = z.object({
  filename: z.string().min(1).max(300),
  /** The file, base64-encoded. */
  content: z.string().min(1),
});

const PREVIEW_ROWS = 50;

async function readUpload(request: FastifyRequest): Promise<{ filename: string; bytes: Buffer }> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (!file)
      throw new ApiError(
        400,
        'bad_request',
        'Aucun fichier reçu : joignez le fichier dans le champ « file ».',
      );
    return { filename: file.filename, bytes: await file.toBuffer() };
  }
  const body = parseOr400(importBody, request.body, 'Corps de la requête');
  return { filename: body.filename, bytes: Buffer.from(body.content, 'base64') };
}

async function readTable(filename: string, bytes: Buffer): Promise<Table> {
  const lower = filename.toLowerCase();
  try {
    if (lower.endsWith('.xlsx')) return await readXlsxTable(bytes, filename);
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsvTable(bytes, filename);
  } catch (err) {
    if (err instanceof InputError) {
      throw new ApiError(
        422,
        'invalid_registry',
        `Le fichier « ${filename} » est illisible : ${err.problems[0]?.message ?? err.message}`,
        err.problems.map((p) => ({
          line: p.line ?? 0,
          column: String(p.column ?? ''),
          value: '',
          reason: p.message,
        })),
      );
    }
    throw err;
  }
  throw new ApiError(
    400,
    'bad_request',
    `Format de fichier non pris en charge (« ${filename} ») : envoyez un fichier .csv ou .xlsx.`,
  );
}

interface Analysed {
  table: Table;
  rows: Record<string, string>[];
  plan: ImportPlan;
  errors: ImportProblem[];
}

async function analyse(ctx: ServerContext, request: FastifyRequest): Promise<Analysed> {
  const { filename, bytes } = await readUpload(request);
  const table = await readTable(filename, bytes);
  const rows = table.rows.map((r) =>
    Object.fromEntries(table.header.map((h, i) => [h, cellText(r.cells[i])])),
  );
  const errors: ImportProblem[] = table.problems.map((p) => ({
    line: p.line ?? 0,
    column: String(p.column ?? ''),
    value: '',
    reason: p.message,
  }));
  const cols = mapColumns(table.header);
  const found = table.header.join(', ') || '(aucune)';
  if (!cols.id) {
    errors.push({
      line: table.headerLine,
      column: 'id',
      value: '',
      reason: `colonne obligatoire « id » absente (colonnes trouvées : ${found})`,
    });
  }
  if (!cols.name) {
    errors.push({
      line: table.headerLine,
      column: 'nom',
      value: '',
      reason: `colonne obligatoire « nom » absente (colonnes trouvées : ${found})`,
    });
  }
  const duplicateHeaders = table.header.filter((h, i) => h && table.header.indexOf(h) !== i);
  for (const h of new Set(duplicateHeaders)) {
    errors.push({ line: table.headerLine, column: h, value: h, reason: 'colonne présente deux fois' });
  }
  const existing = await ctx.store.structures.list();
  const plan = planImport(
    table.header,
    rows,
    (i) => table.rows[i]!.line,
    await ctx.store.territories.list(),
    new Set(existing.map((s) => s.id)),
  );
  // Row checks only make sense once the mandatory columns exist.
  if (cols.id && cols.name) errors.push(...plan.errors);
  errors.sort((a, b) => a.line - b.line);
  return { table, rows, plan, errors };
}

export async function importRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const tags = ['registry'];
  const schema = { tags, consumes: ['application/json', 'multipart/form-data'] };
  app.post(
    '/api/structures/import/preview',
    {
      schema: { ...schema, summary: 'Check a registry file (CSV/XLSX) without writing anything' },
      config: { access: 'admin' },
    },
    async (request) => {
      const { table, rows, plan, errors } = await analyse(ctx, request);
      return {
        columns: table.header,
        rows: rows.slice(0, PREVIEW_ROWS),
        total: rows.length,
        errors,
        toCreate: plan.toCreate,
        toUpdate: plan.toUpdate,
        territoriesToCreate: plan.territories.map((t) => ({ name: t.name, level: t.level })),
      };
    },
  );

  app.post(
    '/api/structures/import',
    {
      schema: { ...schema, summary: 'Import a registry file: all rows or nothing' },
      config: { access: 'admin' },
    },
    async (request) => {
      const { plan, errors, rows } = await analyse(ctx, request);
      if (errors.length) {
        throw new ApiError(
          422,
          'invalid_registry',
          `Le fichier comporte ${errors.length} erreur${errors.length > 1 ? 's' : ''} : rien n'a été importé. ` +
            `Première erreur ligne ${errors[0]!.line}, colonne « ${errors[0]!.column} » : ${errors[0]!.reason}.`,
          errors,
        );
      }
      if (rows.length === 0)
        throw new ApiError(422, 'invalid_registry', 'Le fichier ne contient aucune structure.', []);
      const user = currentUser(request);
      try {
        const result = await ctx.store.transaction(async (repos) => {
          for (const t of plan.territories) await repos.territories.create(t);
          const counts = await repos.structures.upsertMany(plan.structures);
          await repos.audit.record({
            actor: user.id,
            action: 'structures.import',
            target: null,
            details: { ...counts, territoriesCreated: plan.territories.length, rows: rows.length },
          });
          return counts;
        });
        return { ...result, territoriesCreated: plan.territories.length };
      } catch (err) {
        if (err instanceof StoreValidationError) {
          throw new ApiError(
            422,
            'invalid_registry',
            `Import refusé, rien n'a été écrit : ${err.message}`,
            err.problems,
          );
        }
        if (err instanceof StoreError)
          throw new ApiError(422, 'invalid_registry', `Import refusé, rien n'a été écrit : ${err.message}`);
        throw err;
      }
    },
  );
}
