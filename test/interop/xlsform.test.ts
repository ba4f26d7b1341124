import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { importXlsform } from '../../src/interop/xlsform/import.js';
import type { ConversionResult } from '../../src/interop/issues.js';
import { bombSheet, member, workbookMembers, zip } from '../ingest/zip-bomb.js';
import { convertFile, elementsOf, importerSuite, type ImporterAdapter } from './suite.js';
import { interopFiles, skipWithoutInterop, surveyModel } from './support.js';

const EXTENSIONS = ['.xlsx'] as const;

/** A workbook with the given sheets (name → rows), written by ExcelJS. */
async function workbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const adapter: ImporterAdapter = {
  label: 'XLSForm',
  folder: 'xlsform',
  extensions: EXTENSIONS,
  convert: (bytes, file) => importXlsform(bytes, file),
  hostile: [
    {
      name: 'workbook without a survey sheet',
      file: 'sans-survey.xlsx',
      code: 'xlsform_sheet_missing',
      bytes: () => workbook({ choices: [['list_name', 'name', 'label']] }),
    },
    {
      name: 'survey sheet without a type column',
      file: 'sans-type.xlsx',
      code: 'xlsform_column_missing',
      bytes: () =>
        workbook({
          survey: [
            ['name', 'label'],
            ['age', 'Âge'],
          ],
        }),
    },
    {
      name: 'not a workbook at all',
      file: 'texte.xlsx',
      code: 'import_unreadable',
      bytes: () => Buffer.from('type,name,label\ninteger,age,Âge\n'),
    },
    {
      name: 'a ZIP that is not a workbook (no sheet at all)',
      file: 'archive.xlsx',
      code: 'xlsform_sheet_missing',
      bytes: () => zip([member('hello.txt', Buffer.from('bonjour'))]),
    },
    {
      name: 'XLSX ZIP bomb (20 MB of sheet XML in a few kB, limit 16 MB)',
      file: 'bombe.xlsx',
      code: 'xlsx_too_large',
      bytes: async () => {
        const sheet = await bombSheet(20);
        return zip(
          [...(await workbookMembers())].map(([name, data]) =>
            name === sheet.name ? sheet : member(name, data),
          ),
        );
      },
    },
  ],
};

importerSuite(adapter);

type Cells = Record<string, string>;

/** The rows of one sheet as the workbook holds them (read with ExcelJS here, not by the importer). */
async function sheetRows(path: string, sheetName: string): Promise<Cells[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets.find((s) => s.name.trim().toLowerCase() === sheetName);
  if (!sheet) return [];
  const out: Cells[] = [];
  let header: string[] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).map((v) => plain(v).trim());
    if (header.length === 0) {
      header = values.map((v) => v.toLowerCase().replace(/\s+/g, '_'));
      return;
    }
    const cells: Cells = {};
    values.forEach((v, i) => {
      if (header[i] && v) cells[header[i]] = v;
    });
    if (Object.keys(cells).length > 0) out.push(cells);
  });
  return out;
}

/** A cell as text: rich text runs joined, formulas by their result. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  return plain(v.text ?? v.result);
}

/** The SurveyJS form of each XLSForm type (docs/input-formats.md). */
const TYPE_OF: Record<string, { type: string; inputType?: string }> = {
  text: { type: 'text' },
  integer: { type: 'text', inputType: 'number' },
  decimal: { type: 'text', inputType: 'number' },
  date: { type: 'text', inputType: 'date' },
  time: { type: 'text', inputType: 'time' },
  note: { type: 'html' },
  acknowledge: { type: 'boolean' },
};

const files = interopFiles('xlsform', EXTENSIONS);
const skip = skipWithoutInterop('xlsform', EXTENSIONS);

describe('XLSForm: questions, choice values and types as the workbooks state them', { skip }, () => {
  for (const path of files) {
    test(basename(path), async () => {
      const result = await convertFile(adapter, path);
      const elements = new Map(elementsOf(result).map((e) => [e.name, e]));
      const renamed = new Map(
        result.report.filter((i) => i.code === 'question_renamed').map((i) => [i.detail!, i.question!]),
      );
      const lists = new Map<string, string[]>();
      for (const row of await sheetRows(path, 'choices')) {
        const list = row.list_name ?? row.list__name;
        if (list && row.name) lists.set(list, [...(lists.get(list) ?? []), row.name]);
      }
      let checked = 0;
      for (const row of await sheetRows(path, 'survey')) {
        const type = (row.type ?? '').toLowerCase().replace(/\s+/g, ' ');
        if (!type || !row.name || /^(begin|end)[ _](group|repeat)/.test(type)) continue;
        const name = renamed.get(row.name) ?? row.name;
        const element = elements.get(name);
        const reported = result.report.some((i) => i.question === name);
        assert.ok(element || reported, `${row.name} (${type}) neither converted nor reported`);
        if (!element) continue;
        checked++;
        const select = /^select[_ ](one|multiple)(?:[_ ]from)? (\S+)( or_other)?$/.exec(type);
        if (select) {
          assert.equal(element.type === 'checkbox', select[1] === 'multiple', `${name}: ${element.type}`);
          const values = (element.choices as (string | { value: unknown })[]).map((c) =>
            String(typeof c === 'object' ? c.value : c),
          );
          assert.deepEqual(values, lists.get(select[2]!), `${name}: choice values`);
          assert.equal(element.showOtherItem === true, Boolean(select[3]), `${name}: or_other`);
        }
        const expected = TYPE_OF[type];
        if (expected) {
          assert.equal(element.type, expected.type, `${name} (${type})`);
          if (expected.inputType) assert.equal(element.inputType, expected.inputType, `${name} (${type})`);
        }
        if (row.required && /^(yes|true\(\)|true)$/i.test(row.required))
          assert.equal(element.isRequired, true);
      }
      assert.ok(checked > 0);
    });
  }

  test('label::language columns become one text per language (three languages)', async () => {
    const path = files.find((f) => f.includes('multi_lingual_form'));
    if (!path) return void process.stderr.write('\n*** SKIPPED: multi_lingual_form.xlsx absent\n');
    const result = await convertFile(adapter, path);
    const age = elementsOf(result).find((e) => e.name === 'age')!;
    assert.deepEqual(age.title, { default: 'Age', sw: 'Umri', fr: "L'age" });
    assert.equal(result.survey.locale, 'en');
  });
});

function visible(result: ConversionResult, values: Record<string, unknown>, name: string): boolean {
  const model = surveyModel(result.survey);
  for (const [key, value] of Object.entries(values)) model.setValue(key, value);
  const element = model.getQuestionByName(name) ?? model.getPanelByName(name) ?? model.getPageByName(name);
  assert.ok(element, name);
  return element.isVisible;
}

function errorsOf(result: ConversionResult, values: Record<string, unknown>, name: string): number {
  const model = surveyModel(result.survey);
  for (const [key, value] of Object.entries(values)) model.setValue(key, value);
  const question = model.getQuestionByName(name);
  question.validate(true);
  return question.errors.length;
}

function workbookNamed(part: string): string | undefined {
  const path = files.find((f) => basename(f).includes(part));
  if (!path) process.stderr.write(`\n*** SKIPPED: ${part} absent\n`);
  return path;
}

describe(
  'XLSForm relevant and constraint: survey-core decides as ODK would (cases worked by hand)',
  { skip },
  () => {
    test("spec test: not(selected(${skip_to_end}, 'yes')) on a page", async () => {
      const path = workbookNamed('xlsform_spec_test');
      if (!path) return;
      const result = await convertFile(adapter, path);
      const row = (await sheetRows(path, 'survey')).find((r) => r.name === 'everything')!;
      assert.equal(row.relevant, "not(selected(${skip_to_end}, 'yes'))");
      // ODK: "yes" → hidden; "no" → shown; unanswered: selected('', 'yes') is false → shown.
      assert.equal(visible(result, { skip_to_end: 'yes' }, 'everything'), false);
      assert.equal(visible(result, { skip_to_end: 'no' }, 'everything'), true);
      assert.equal(visible(result, {}, 'everything'), true);
    });

    test('spec test: constraints ". <= ${a_integer}" and "not(selected(., yes) and selected(., no))"', async () => {
      const path = workbookNamed('xlsform_spec_test');
      if (!path) return;
      const result = await convertFile(adapter, path);
      assert.equal(errorsOf(result, { a_integer: 5, a_decimal: 4.5 }, 'a_decimal'), 0);
      assert.equal(errorsOf(result, { a_integer: 5, a_decimal: 5 }, 'a_decimal'), 0);
      assert.equal(errorsOf(result, { a_integer: 5, a_decimal: 5.5 }, 'a_decimal'), 1);
      assert.equal(errorsOf(result, { select_multiple_test: ['yes'] }, 'select_multiple_test'), 0);
      assert.equal(errorsOf(result, { select_multiple_test: ['yes', 'no'] }, 'select_multiple_test'), 1);
    });

    test('UCL biomass: typographic quotes in "${leader_name} = ‘other’" are read as quotes', async () => {
      const path = workbookNamed('UCL_Biomass');
      if (!path) return;
      const result = await convertFile(adapter, path);
      assert.equal(visible(result, { leader_name: 'other' }, 'leader_name_other'), true);
      assert.equal(visible(result, { leader_name: 'someone' }, 'leader_name_other'), false);
      assert.equal(visible(result, {}, 'leader_name_other'), false);
      // ${health_id}=‘dead’ on decay_class.
      assert.equal(visible(result, { health_id: 'dead' }, 'decay_class'), true);
      assert.equal(visible(result, { health_id: 'alive' }, 'decay_class'), false);
    });

    test('what cannot be converted is named: repeats, photos, calculations, choice_filter, regex() conditions', async () => {
      const path = workbookNamed('UCL_Biomass');
      if (!path) return;
      const result = await convertFile(adapter, path);
      const has = (code: string, question: string) =>
        result.report.some((i) => i.code === code && i.question === question);
      assert.ok(has('repeat_flattened', 'trees'));
      assert.ok(has('question_type_unsupported', 'tree_photo'));
      assert.ok(has('calculation_not_converted', 'slope_radius'));
      // A condition on a question left out is removed and reported, never kept pointing at nothing.
      assert.ok(has('condition_not_converted', 'latin_name_other'));
      assert.ok(has('validator_not_converted', 'tree_distance'));
      const spec = workbookNamed('xlsform_spec_test');
      if (spec) {
        const r = await convertFile(adapter, spec);
        assert.ok(r.report.some((i) => i.code === 'condition_not_converted' && i.question === 'email_note'));
      }
      const orOther = workbookNamed('or_other');
      if (orOther) {
        const r = await convertFile(adapter, orOther);
        assert.ok(r.report.some((i) => i.feature === 'choice_filter'));
      }
    });
  },
);
