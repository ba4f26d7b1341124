import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportModel } from '../../../src/report/model.js';
import { renderReport, type ReportFormat } from '../../../src/report/render/index.js';
import { buildReport } from '../../../src/stats/index.js';
import { buildSurveyModel } from '../../../src/survey/model.js';
import { emptyModel } from '../fixtures/empty-model.js';
import { sampleModel } from '../fixtures/sample-model.js';

/**
 * The behaviour every export format shares, run once per format (each *.test.ts beside this file
 * plugs in how to read its format back). Expected strings are the hand-built sample model's
 * figures formatted by hand, not the renderer's own output.
 */

export interface FormatAdapter {
  format: ReportFormat;
  /** node:test skip reason when a tool needed to read the format back is missing. */
  skip?: string | false;
  /** All human-readable text of the document. */
  read(buffer: Buffer): Promise<string>;
  /** False for formats that keep numbers as numbers (XLSX, JSON): figures are then checked apart. */
  formatsNumbers: boolean;
  /** False for a data-only format (JSON) that has no table headers or captions of its own. */
  presentation: boolean;
}

/** Spaces inside French numbers may come back as U+00A0, U+202F or a plain space, depending on the reader. */
export function normalise(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');
}

function includes(text: string, expected: string, what: string): void {
  assert.ok(normalise(text).includes(normalise(expected)), `${what}: "${expected}" not found`);
}

const cache = new Map<string, Promise<string>>();
function readModel(adapter: FormatAdapter, model: ReportModel, key: string): Promise<string> {
  const id = `${adapter.format}:${key}`;
  let text = cache.get(id);
  if (!text) {
    text = renderReport(model, adapter.format).then((buffer) => adapter.read(buffer));
    cache.set(id, text);
  }
  return text;
}

export function renderSuite(adapter: FormatAdapter): void {
  const skip = adapter.skip ?? false;
  describe(`report renderer: ${adapter.format} (shared suite)`, { skip }, () => {
    const fr = sampleModel('fr');
    const en = sampleModel('en');
    const readFr = () => readModel(adapter, fr, 'fr');
    const readEn = () => readModel(adapter, en, 'en');

    it('renders a non-empty buffer', async () => {
      const buffer = await renderReport(fr, adapter.format);
      assert.ok(Buffer.isBuffer(buffer));
      assert.ok(buffer.length > 500, `only ${buffer.length} bytes`);
    });

    it('shows the title, every section and every question title', async () => {
      const text = await readFr();
      includes(text, fr.title, 'title');
      for (const s of fr.sections) includes(text, s.title, 'section');
      for (const q of fr.questions) includes(text, q.title, `question ${q.name}`);
    });

    // A data-only format (JSON) has no table headers of its own: only the row labels are checked.
    if (adapter.presentation)
      it('uses the French table vocabulary of the reference report', async () => {
        const text = await readFr();
        for (const label of ['Réponse', 'Décompte', 'Pourcentage', 'Sans réponse', 'Calcul', 'Résultat']) {
          includes(text, label, 'label');
        }
        for (const label of [
          'Somme',
          'Moyenne',
          'Écart type',
          '1er quartile (Q1)',
          '2ème quartile (Médiane)',
          '3ème quartile (Q3)',
        ]) {
          includes(text, label, 'numeric label');
        }
      });

    it('lists the "Autre" texts, the verbatims, the top terms and the repeated segments', async () => {
      const text = await readFr();
      includes(text, 'Bien être, sophrologie', 'other text');
      includes(text, 'Fondation de France / Conférence des financeurs', 'verbatim');
      includes(text, 'département', 'term');
      includes(text, 'conférence des financeurs', 'segment');
    });

    it('shows the breakdown groups and the participation by group', async () => {
      const text = await readFr();
      includes(text, 'Pas-de-Calais', 'group');
      includes(text, 'Picardie', 'group');
      if (adapter.presentation) includes(text, 'Répartition par territoire', 'breakdown caption');
    });

    it('prints the method notes', async () => {
      const text = await readFr();
      for (const note of fr.method.notes) includes(text, note, 'method note');
    });

    it('names the statistical profile (LimeSurvey: its rows for text questions too)', async () => {
      const model = profileModel('limesurvey');
      const text = await readModel(adapter, model, 'limesurvey');
      includes(text, 'profil LimeSurvey 6', 'profile line');
      includes(text, 'Non complété ou non affiché', 'not completed row');
      includes(text, 'Tableaux de termes', 'term mode line');
      const panorama = await readModel(adapter, profileModel('panorama'), 'panorama');
      includes(panorama, 'profil Panorama', 'profile line');
    });

    if (adapter.formatsNumbers) {
      it('formats figures the French way (45,05 %, 65 951, 1 033,5)', async () => {
        const text = await readFr();
        includes(text, '45,05 %', 'percent');
        includes(text, '12,09 %', 'no-answer percent');
        includes(text, '65 951', 'sum');
        includes(text, '1 033,5', 'Q3');
        includes(text, '785,13', 'mean');
        includes(text, '48,28 %', 'breakdown column percent');
        includes(text, '38,24 %', 'participation rate');
        includes(text, 'Base : 91 réponses', 'base line');
        assert.ok(!normalise(text).includes('45.05'), 'English decimal point in a French report');
      });

      it('formats figures the English way with lang=en', async () => {
        const text = await readEn();
        includes(text, '45.05%', 'percent');
        includes(text, '65,951', 'sum');
        includes(text, 'Base: 91 responses', 'base line');
      });
    }

    it('speaks English with lang=en', async () => {
      const text = await readEn();
      includes(text, 'No answer', 'no-answer row');
      if (adapter.presentation) {
        for (const label of [
          'Answer',
          'Count',
          'Percentage',
          'Calculation',
          'Result',
          'Standard deviation',
        ]) {
          includes(text, label, 'label');
        }
      }
      assert.ok(!text.includes('Sans réponse'), 'French label in the English report');
    });

    it('leaves the model untouched', async () => {
      const model = sampleModel('fr');
      await renderReport(model, adapter.format);
      assert.deepEqual(model, sampleModel('fr'));
    });

    it('renders a report with empty tables, zero bases and no registry without failing', async () => {
      const model = emptyModel();
      const text = await adapter.read(await renderReport(model, adapter.format));
      includes(text, model.title, 'title');
      for (const q of model.questions) includes(text, q.title, `question ${q.name}`);
      if (adapter.presentation) includes(text, 'Filtre : territoire = Nord', 'filter on the title page');
    });
  });
}

/** A small engine-built model in the given profile (a choice and a free-text question). */
function profileModel(profile: 'panorama' | 'limesurvey'): ReportModel {
  const survey = buildSurveyModel({
    locale: 'fr',
    title: 'Profils',
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'radiogroup', name: 'q', choices: ['a', 'b'] },
          { type: 'comment', name: 'avis', visibleIf: "{q} = 'a'" },
        ],
      },
    ],
  });
  const data = [{ q: 'a', avis: 'Accueil chaleureux' }, { q: 'b' }, { q: 'a' }];
  return buildReport(
    survey,
    data.map((d, i) => ({ id: `r${i}`, structure: null, submittedAt: '2026-01-01T00:00:00Z', data: d })),
    { profile },
  );
}
