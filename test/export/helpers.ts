import { inflateRawSync } from 'node:zlib';
import { buildSurveyModel } from '../../src/survey/model.js';
import type { Registry, ResponseRecord } from '../../src/survey/records.js';
import { readZipDirectory } from '../../src/ingest/zip-limits.js';

/**
 * The hand-computed case of the export suite: a single choice (with "other"), a multiple choice,
 * a number with decimals, a date and a free text, three responses (one anonymous), two structures.
 */
export const survey = buildSurveyModel({
  locale: 'fr',
  title: 'Mini observatoire',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'evolution',
          title: 'Évolution de la fréquentation',
          showOtherItem: true,
          choices: [
            { value: 'en_progression', text: 'En progression' },
            { value: 'stable', text: 'Stable' },
          ],
        },
        {
          type: 'checkbox',
          name: 'publics',
          title: 'Publics accueillis',
          choices: [
            { value: 'jeunes', text: 'Jeunes' },
            { value: 'seniors', text: 'Seniors' },
            { value: 'familles', text: "Familles d'accueil" },
          ],
        },
        { type: 'text', inputType: 'number', name: 'budget', title: 'Budget (k€)' },
        { type: 'text', inputType: 'date', name: 'ouverture', title: "Date d'ouverture" },
        { type: 'comment', name: 'remarque', title: 'Remarque' },
      ],
    },
  ],
});

export const registry: Registry = {
  attributes: ['departement'],
  structures: [
    { id: 'S1', name: 'Centre Alpha', attributes: { departement: 'Nord' } },
    { id: 'S2', name: 'Centre Bêta', attributes: { departement: 'Pas-de-Calais' } },
  ],
};

export const responses: ResponseRecord[] = [
  {
    id: 'r1',
    structure: 'S1',
    // 13:30 UTC in winter is 14:30 in Paris.
    submittedAt: '2024-03-15T13:30:00.000Z',
    data: {
      evolution: 'en_progression',
      publics: ['jeunes', 'familles'],
      budget: 12.5,
      ouverture: '2019-09-01',
      remarque: '=HYPERLINK("http://x")',
    },
  },
  {
    id: 'r2',
    structure: 'S2',
    // 22:15 UTC in summer is 00:15 the next day in Paris.
    submittedAt: '2024-07-01T22:15:00.000Z',
    data: {
      evolution: 'other',
      'evolution-Comment': 'Variable',
      publics: ['seniors'],
      budget: -3.25,
      ouverture: '2020-01-31',
      remarque: '-2+3',
    },
  },
  { id: 'r3', structure: null, submittedAt: '2024-12-31T23:00:00.000Z', data: { budget: 1000 } },
];

/** The members of a ZIP made by the export, by name. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readZipDirectory(bytes, 10)) {
    const start =
      entry.localHeaderOffset +
      30 +
      bytes.readUInt16LE(entry.localHeaderOffset + 26) +
      bytes.readUInt16LE(entry.localHeaderOffset + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    out.set(entry.name, entry.method === 8 ? inflateRawSync(data) : Buffer.from(data));
  }
  return out;
}
