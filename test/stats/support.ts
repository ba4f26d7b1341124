import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildSurveyModel, loadSurveyDefinition, type SurveyModel } from '../../src/survey/model.js';
import type { Registry, ResponseRecord } from '../../src/survey/records.js';
import { parseReportConfig, type ReportConfig } from '../../src/stats/index.js';
import { ROOT } from '../support/shared.js';

/** Reads a fixture folder with plain fs, independently of src/ingest (tested on its own). */
export function readFixture(dir: string): { survey: SurveyModel; responses: ResponseRecord[]; registry: Registry } {
  const survey = loadSurveyDefinition(readFileSync(join(dir, 'survey.json'), 'utf8'));
  const responses = readFileSync(join(dir, 'responses.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ResponseRecord);
  const rows = parse(readFileSync(join(dir, 'structures.csv'), 'utf8'), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  const attributes = Object.keys(rows[0] ?? {}).filter((k) => k !== 'id' && k !== 'nom');
  const structures = rows.map((r) => ({
    id: r.id!,
    name: r.nom!,
    attributes: Object.fromEntries(attributes.map((a) => [a, r[a]!])),
  }));
  return { survey, responses, registry: { structures, attributes } };
}

export function hdfConfig(): ReportConfig {
  const path = join(ROOT, 'examples', 'hdf-2019', 'report.json');
  return parseReportConfig(readFileSync(path, 'utf8'), path);
}

/** A small survey exercising conditions, other/none, numbers and text, for hand-computed cases. */
export function smallSurvey(): SurveyModel {
  return buildSurveyModel({
    locale: 'fr',
    pages: [
      {
        name: 'p1',
        title: 'Page 1',
        elements: [
          {
            type: 'radiogroup',
            name: 'qpv',
            title: 'QPV ?',
            choices: [
              { value: 'oui', text: 'Oui' },
              { value: 'non', text: 'Non' },
            ],
          },
          {
            type: 'radiogroup',
            name: 'taille',
            choices: ['petit', 'moyen', 'grand'],
            showOtherItem: true,
            showNoneItem: true,
            visibleIf: "{qpv} = 'oui'",
          },
          { type: 'checkbox', name: 'champs', choices: ['a', 'b', 'c'], showOtherItem: true },
          { type: 'text', name: 'salaries', inputType: 'number' },
          { type: 'comment', name: 'avis' },
          { type: 'boolean', name: 'adherent' },
          { type: 'matrix', name: 'satisfaction', rows: ['accueil', 'locaux'], columns: [1, 2, 3] },
        ],
      },
    ],
  });
}

export function record(id: string, structure: string | null, data: Record<string, unknown>): ResponseRecord {
  return { id, structure, data };
}
