import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadSurveyDefinition, type SurveyModel } from '../survey/model.js';
import { responseRecordSchema, type Registry, type ResponseRecord } from '../survey/records.js';

/** A campaign's input folder as the publication needs it. */
export interface Campaign {
  survey: SurveyModel;
  responses: ResponseRecord[];
  registry?: Registry;
}

export class CampaignInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CampaignInputError';
  }
}

// Minimal reader for survey.json + responses.jsonl + structures.csv. The ingest module owns the
// full loaders (CSV/XLSX answers, lenient mode); this keeps the publication usable on its own.

async function readResponsesJsonl(path: string): Promise<ResponseRecord[]> {
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
  const out: ResponseRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new CampaignInputError(`${path}: line ${i + 1}: invalid JSON (${(err as Error).message})`);
    }
    const parsed = responseRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CampaignInputError(`${path}: line ${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
    out.push(parsed.data);
  });
  return out;
}

export async function readRegistryCsv(path: string): Promise<Registry> {
  const text = (await readFile(path, 'utf8')).replace(/^\ufeff/, '');
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const header = Object.keys(rows[0] ?? {});
  if (!header.includes('id')) throw new CampaignInputError(`${path}: line 1: the registry needs an "id" column (found: ${header.join(', ')})`);
  const nameColumn = header.includes('nom') ? 'nom' : header.includes('name') ? 'name' : undefined;
  const attributes = header.filter((h) => h !== 'id' && h !== nameColumn);
  return {
    attributes,
    structures: rows.map((row) => ({
      id: row.id!,
      name: nameColumn ? (row[nameColumn] ?? row.id!) : row.id!,
      attributes: Object.fromEntries(attributes.map((a) => [a, row[a] ?? ''])),
    })),
  };
}

export async function readCampaignFolder(dir: string): Promise<Campaign> {
  const surveyPath = join(dir, 'survey.json');
  if (!existsSync(surveyPath)) throw new CampaignInputError(`${dir}: no survey.json in this folder`);
  const survey = loadSurveyDefinition(await readFile(surveyPath, 'utf8'), surveyPath);
  const responsesPath = join(dir, 'responses.jsonl');
  if (!existsSync(responsesPath)) throw new CampaignInputError(`${dir}: no responses.jsonl in this folder`);
  const responses = await readResponsesJsonl(responsesPath);
  const registryPath = join(dir, 'structures.csv');
  const registry = existsSync(registryPath) ? await readRegistryCsv(registryPath) : undefined;
  return { survey, responses, ...(registry ? { registry } : {}) };
}
