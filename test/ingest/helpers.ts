import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { buildSurveyModel, type SurveyModel } from '../../src/survey/model.js';

/** A fresh temporary folder, removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-ingest-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export const SMALL_SURVEY_JSON = {
  locale: 'fr',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'qpv',
          choices: [
            { value: 'oui', text: 'Oui' },
            { value: 'non', text: 'Non' },
          ],
        },
        {
          type: 'checkbox',
          name: 'actions',
          choices: ['sante', 'emploi', 'culture'],
          showOtherItem: true,
          showNoneItem: true,
        },
        { type: 'text', name: 'salaries', inputType: 'number', min: 0, max: 5000 },
        { type: 'text', name: 'ouverture', inputType: 'date' },
        { type: 'boolean', name: 'agree' },
        { type: 'rating', name: 'note', rateMax: 4 },
        { type: 'comment', name: 'remarques' },
        { type: 'text', name: 'ville' },
        {
          type: 'matrix',
          name: 'satisfaction',
          rows: ['accueil', 'locaux'],
          columns: [
            { value: 1, text: 'Faible' },
            { value: 2, text: 'Bonne' },
          ],
        },
        { type: 'dropdown', name: 'taille', choices: [1, 2, 3], showCommentArea: true },
      ],
    },
  ],
};

export function smallSurvey(): SurveyModel {
  return buildSurveyModel(structuredClone(SMALL_SURVEY_JSON), 'survey.json');
}
