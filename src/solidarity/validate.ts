/**
 * Validation of exports against the official schemas, with Ajv:
 * - the « lieux de médiation numérique » standard is a Frictionless Table Schema: each field's
 *   constraints (required, pattern, maxLength, type number/date) are turned into a JSON Schema
 *   for one row, and the primary key's uniqueness is checked over the file;
 * - data·inclusion publishes JSON Schemas (structure.json, service.json), used as they are.
 * The schemas are read from a folder (../shared/interop in development, or a copy the federation
 * keeps); Panorama does not ship them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { MEDNUM_FIELDS, type MednumRow } from './standards.js';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export interface SchemaViolation {
  /** Which record (row id, or index) and which field. */
  record: string;
  field: string;
  message: string;
  value?: unknown;
}

interface TableSchemaField {
  name: string;
  type?: string;
  constraints?: {
    required?: boolean;
    pattern?: string;
    maxLength?: number;
    unique?: boolean;
    enum?: string[];
  };
}
interface TableSchema {
  fields: TableSchemaField[];
  primaryKey?: string | string[];
  version?: string;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

/** JSON Schema of one row of a Table Schema (values as exported: strings, numbers). */
export function tableSchemaToJsonSchema(table: TableSchema): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const f of table.fields) {
    const c = f.constraints ?? {};
    let prop: Record<string, unknown>;
    if (f.type === 'number') prop = { type: 'number' };
    else if (f.type === 'integer') prop = { type: 'integer' };
    else if (f.type === 'date') prop = { type: 'string', format: 'date' };
    else {
      prop = { type: 'string' };
      if (c.pattern !== undefined) prop.pattern = c.pattern;
      if (c.maxLength !== undefined) prop.maxLength = c.maxLength;
      if (c.enum) prop.enum = c.enum;
    }
    if (c.required) {
      required.push(f.name);
      if (prop.type === 'string') prop.minLength = 1;
    }
    properties[f.name] = prop;
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function violations(validate: ValidateFunction, record: string): SchemaViolation[] {
  return (validate.errors ?? []).map((e: ErrorObject) => ({
    record,
    field:
      e.keyword === 'required'
        ? String((e.params as { missingProperty?: string }).missingProperty)
        : e.instancePath.replace(/^\//, '') || '(record)',
    message: `${e.keyword}: ${e.message ?? ''}`,
  }));
}

export interface StandardSchemas {
  mednum?: TableSchema;
  dataInclusionStructure?: Record<string, unknown>;
  dataInclusionService?: Record<string, unknown>;
}

/** Reads the schemas from an interop folder (mednum/schema.json, datainclusion/v1/*.json). */
export function loadStandardSchemas(interopDir: string): StandardSchemas {
  const read = (path: string) =>
    existsSync(join(interopDir, path))
      ? (JSON.parse(readFileSync(join(interopDir, path), 'utf8')) as Record<string, unknown>)
      : undefined;
  return {
    mednum: read('mednum/schema.json') as TableSchema | undefined,
    dataInclusionStructure: read('datainclusion/v1/structure.json'),
    dataInclusionService: read('datainclusion/v1/service.json'),
  };
}

/** Every violation of the mednum rows (field order checked too: the CSV columns must match). */
export function validateMednumRows(rows: readonly MednumRow[], schema: TableSchema): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  const names = schema.fields.map((f) => f.name);
  if (names.join(',') !== MEDNUM_FIELDS.join(',')) {
    out.push({
      record: '(header)',
      field: '(columns)',
      message: `the schema's columns (${names.join(', ')}) differ from the export's`,
    });
  }
  const validate = newAjv().compile(tableSchemaToJsonSchema(schema));
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const record = String(row.id ?? `#${index + 1}`);
    if (!validate(row)) out.push(...violations(validate, record));
    const key = String(row.id ?? '');
    if (seen.has(key)) out.push({ record, field: 'id', message: 'unique: the id appears twice', value: key });
    seen.add(key);
  });
  return out;
}

/** Every violation of data·inclusion structures/services against the official JSON Schemas. */
export function validateDataInclusion(
  data: { structures: readonly unknown[]; services: readonly unknown[] },
  schemas: { structure: Record<string, unknown>; service: Record<string, unknown> },
): SchemaViolation[] {
  const ajv = newAjv();
  const structure = ajv.compile(schemas.structure);
  const service = ajv.compile(schemas.service);
  const out: SchemaViolation[] = [];
  for (const s of data.structures) {
    if (!structure(s)) out.push(...violations(structure, `structure ${String((s as { id?: unknown }).id)}`));
  }
  for (const s of data.services) {
    if (!service(s)) out.push(...violations(service, `service ${String((s as { id?: unknown }).id)}`));
  }
  return out;
}
