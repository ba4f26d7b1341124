import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildSurveyModel, loadSurveyDefinition, type SurveyModel } from '../../src/survey/model.js';
import type { Registry, ResponseRecord } from '../../src/survey/records.js';
import type { QuestionResult, ReportModel } from '../../src/report/model.js';
import assert from 'node:assert/strict';
import { buildReport, parseReportConfig, type ReportConfig } from '../../src/stats/index.js';
import { ROOT } from '../support/shared.js';

/** Reads a fixture folder with plain fs, independently of src/ingest (tested on its own). */
export function readFixture(dir: string): {
  survey: SurveyModel;
  responses: ResponseRecord[];
  registry: Registry;
} {
  const survey = loadSurveyDefinition(readFileSync(join(dir, 'survey.json'), 'utf8'));
  const responses = readFileSync(join(dir, 'responses.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ResponseRecord);
  const rows = parse<Record<string, string>>(readFileSync(join(dir, 'structures.csv'), 'utf8'), {
    columns: true,
    bom: true,
  });
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

// Five responses computed by hand below. `taille` is displayed only when qpv = 'oui'.
export const RESPONSES = [
  record('r1', 'S1', {
    qpv: 'oui',
    taille: 'petit',
    champs: ['a', 'b'],
    salaries: 10,
    avis: 'Très bon accueil',
    adherent: true,
    satisfaction: { accueil: 3, locaux: 2 },
  }),
  record('r2', 'S2', {
    qpv: 'oui',
    taille: 'other',
    'taille-Comment': 'énorme',
    champs: ['a', 'other'],
    'champs-Comment': 'autre chose',
    salaries: 20,
    adherent: false,
  }),
  // taille is answered but hidden (qpv = non): it must not be counted.
  record('r3', 'S3', { qpv: 'non', taille: 'grand', champs: [], avis: '   ', satisfaction: { accueil: 1 } }),
  record('r4', null, { qpv: 'oui', taille: 'none', salaries: 30 }),
  record('r5', 'S1', { champs: ['c'] }),
];

export const REGISTRY: Registry = {
  attributes: ['territoire', 'qpv'],
  structures: [
    { id: 'S1', name: 'Centre 1', attributes: { territoire: 'Nord', qpv: 'oui' } },
    { id: 'S2', name: 'Centre 2', attributes: { territoire: 'Nord', qpv: 'non' } },
    { id: 'S3', name: 'Centre 3', attributes: { territoire: 'Lens', qpv: 'oui' } },
    { id: 'S4', name: 'Centre 4', attributes: { territoire: 'Arras', qpv: 'non' } },
  ],
};

export function report(options: Parameters<typeof buildReport>[2] = {}): ReportModel {
  return buildReport(smallSurvey(), RESPONSES, { registry: REGISTRY, ...options });
}
export function question(model: ReportModel, name: string): QuestionResult {
  const q = model.questions.find((x) => x.name === name);
  assert.ok(q, name);
  return q;
}
export const table = (q: QuestionResult) => q.rows!.map((r) => [r.label, r.count, r.percent]);
