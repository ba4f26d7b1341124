import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importLsa, importLss } from '../../src/interop/limesurvey/index.js';
import type { ConversionResult } from '../../src/interop/issues.js';
import type { ElementJson } from '../../src/survey/definition-schema.js';
import { unzip } from '../report/support/unzip.js';
import { member, zip } from '../ingest/zip-bomb.js';
import { convertFile, elementsOf, importerSuite, type ImporterAdapter } from './suite.js';
import { INTEROP_DIR, interopFiles, lsTable, skipWithoutInterop, surveyModel } from './support.js';

const EXTENSIONS = ['.lss', '.lsa'] as const;
const MB = 1024 * 1024;

const adapter: ImporterAdapter = {
  label: 'LimeSurvey .lss/.lsa',
  folder: 'limesurvey',
  extensions: EXTENSIONS,
  convert: (bytes, file) =>
    file.toLowerCase().endsWith('.lsa') ? importLsa(bytes, file) : importLss(bytes.toString('utf8'), file),
  hostile: [
    {
      name: 'ZIP bomb .lsa (65 MB of XML declared, limit 64 MB)',
      file: 'bombe.lsa',
      code: 'import_too_large',
      bytes: () => zip([member('survey_1.lss', Buffer.alloc(65 * MB, 0x20))]),
    },
    {
      name: 'ZIP bomb .lsa whose header lies about its size',
      file: 'menteuse.lsa',
      code: 'import_unreadable',
      bytes: () => {
        const real = member('survey_1.lss', Buffer.alloc(8 * MB, 0x20));
        return zip([{ ...real, declaredSize: 1000 }]);
      },
    },
    {
      name: 'ZIP bomb .lsa (10 MB from a few kB, abnormal ratio)',
      file: 'ratio.lsa',
      code: 'import_unreadable',
      bytes: () => zip([member('survey_1.lss', Buffer.alloc(10 * MB, 0x20))]),
    },
    {
      name: '.lsa that is not a ZIP archive',
      file: 'pas-une-archive.lsa',
      code: 'import_unreadable',
      bytes: () => Buffer.from('<?xml version="1.0"?><document/>'),
    },
    {
      name: '.lsa without a .lss member',
      file: 'sans-structure.lsa',
      code: 'lsa_member_missing',
      bytes: () => zip([member('survey_1_responses.lsr', Buffer.from('<document/>'))]),
    },
    {
      name: 'broken XML (.lss cut in the middle)',
      file: 'coupe.lss',
      code: 'import_unreadable',
      bytes: () =>
        Buffer.from('<?xml version="1.0"?>\n<document>\n <LimeSurveyDocType>Survey</Limesurvey>\n'),
    },
    {
      name: 'XML entity expansion ("billion laughs")',
      file: 'rires.lss',
      code: 'import_unreadable',
      bytes: () =>
        Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><document>&b;</document>',
        ),
    },
    {
      name: 'a LimeSurvey question export (.lsq) given as a survey',
      file: 'question.lss',
      code: 'lss_not_a_survey',
      bytes: () =>
        Buffer.from(
          '<?xml version="1.0"?><document><LimeSurveyDocType>Question</LimeSurveyDocType></document>',
        ),
    },
  ],
};

importerSuite(adapter);

/** The structure text of a real file: the .lss itself, or the .lss inside the .lsa. */
function structureOf(path: string): { lss: string; lsr?: string } {
  if (!path.endsWith('.lsa')) return { lss: readFileSync(path, 'utf8') };
  const members = unzip(readFileSync(path));
  const find = (ext: string) => [...members].find(([name]) => name.endsWith(ext))?.[1]?.toString('utf8');
  return { lss: find('.lss')!, lsr: find('.lsr') };
}

interface FileQuestion {
  qid: string;
  gid: string;
  type: string;
  code: string;
  other: boolean;
  encrypted: boolean;
  relevance: string;
  subs: string[];
  answers: { code: string; scale: string }[];
}

/** The questions of a .lss as the file states them (both generations: subquestions table or parent_qid). */
function fileQuestions(lss: string): FileQuestion[] {
  const rows = lsTable(lss, 'questions');
  const subRows = [
    ...rows.filter((r) => r.parent_qid && r.parent_qid !== '0'),
    ...lsTable(lss, 'subquestions'),
  ];
  const byQid = new Map<string, FileQuestion>();
  for (const row of rows) {
    if ((row.parent_qid && row.parent_qid !== '0') || byQid.has(row.qid!)) continue;
    byQid.set(row.qid!, {
      qid: row.qid!,
      gid: row.gid!,
      type: row.type!,
      code: row.title!,
      other: row.other === 'Y',
      encrypted: row.encrypted === 'Y',
      relevance: row.relevance ?? '',
      subs: [],
      answers: [],
    });
  }
  const order = (r: Record<string, string>) => Number(r.question_order ?? r.sortorder ?? 0);
  for (const row of subRows.sort((a, b) => order(a) - order(b))) {
    const q = byQid.get(row.parent_qid!);
    const code = row.title!;
    if (q && !q.subs.includes(code) && (row.scale_id ?? '0') === '0') q.subs.push(code);
  }
  const answers = lsTable(lss, 'answers').sort((a, b) => Number(a.sortorder) - Number(b.sortorder));
  for (const row of answers) {
    const q = byQid.get(row.qid!);
    const scale = row.scale_id ?? '0';
    if (q && !q.answers.some((a) => a.code === row.code && a.scale === scale))
      q.answers.push({ code: row.code!, scale });
  }
  return [...byQid.values()];
}

const SINGLE = new Set(['L', '!', 'O', 'G', 'Y', '5']);
const ARRAYS = new Set(['F', 'A', 'B', 'C', 'E', 'H']);
/** The SurveyJS type each LimeSurvey type is converted to (docs/input-formats.md). */
const TYPE_OF: Record<string, string> = {
  L: 'radiogroup',
  '!': 'dropdown',
  O: 'radiogroup',
  G: 'radiogroup',
  Y: 'radiogroup',
  '5': 'rating',
  M: 'checkbox',
  P: 'checkbox',
  S: 'text',
  T: 'comment',
  U: 'comment',
  N: 'text',
  D: 'text',
  F: 'matrix',
  A: 'matrix',
  B: 'matrix',
  C: 'matrix',
  E: 'matrix',
  H: 'matrix',
  '1': 'matrix',
};
/** Types converted to a close form, which the report must say. */
const APPROXIMATED = new Set([':', ';', '1', 'K', 'Q', 'R', 'H']);

const files = interopFiles('limesurvey', EXTENSIONS);
const skip = skipWithoutInterop('limesurvey', EXTENSIONS);

describe('LimeSurvey: questions, types and codes as the files state them', { skip }, () => {
  for (const path of files) {
    test(basename(path), async () => {
      const result = await convertFile(adapter, path);
      const elements = new Map(elementsOf(result).map((e) => [e.name, e]));
      const { lss } = structureOf(path);
      const questions = fileQuestions(lss);
      assert.ok(questions.length > 0);
      for (const q of questions) {
        const reported = result.report.filter((i) => i.question === q.code);
        const element = elements.get(q.code);
        const inPanel = elements.get(`${q.code}_panel`);
        assert.ok(
          element || inPanel || reported.length > 0,
          `${q.code} (type ${q.type}) neither converted nor reported`,
        );
        if (APPROXIMATED.has(q.type))
          assert.ok(
            reported.some((i) => i.code === 'question_type_approximated'),
            `${q.code}: type ${q.type} converted approximately without saying so`,
          );
        if (q.type === 'P') assert.ok(reported.some((i) => i.code === 'choice_comments_dropped'));
        const expected = TYPE_OF[q.type];
        if (expected && element) assert.equal(element.type, expected, `${q.code} (type ${q.type})`);
        if (!element) continue;
        if (q.type === 'N') assert.equal(element.inputType, 'number');
        if (q.type === 'D') assert.match(String(element.inputType), /^date/);
        const values = ((element.choices as { value: unknown }[] | undefined) ?? []).map((c) =>
          String(typeof c === 'object' ? c.value : c),
        );
        if (['L', '!', 'O'].includes(q.type))
          assert.deepEqual(
            values,
            q.answers.filter((a) => a.scale === '0').map((a) => a.code),
            q.code,
          );
        if (q.type === 'M' || q.type === 'P') assert.deepEqual(values, q.subs, q.code);
        if (q.type === 'G') assert.deepEqual(values, ['F', 'M']);
        if (q.type === 'Y') assert.deepEqual(values, ['Y', 'N']);
        if (q.other && ['L', '!', 'M', 'P'].includes(q.type))
          assert.equal(element.showOtherItem, true, q.code);
        if (ARRAYS.has(q.type)) {
          const rows = (element.rows as { value: unknown }[]).map((r) =>
            String(typeof r === 'object' ? r.value : r),
          );
          assert.deepEqual(rows, q.subs, `${q.code} rows`);
          if (q.type === 'F' || q.type === 'H') {
            const columns = (element.columns as { value: unknown }[]).map((c) => String(c.value));
            assert.deepEqual(
              columns,
              q.answers.filter((a) => a.scale === '0').map((a) => a.code),
            );
          }
        }
      }
    });
  }

  test('several languages: every text of a bilingual survey holds both', () => {
    const path = files.find((f) => basename(f).includes('188432'));
    if (!path) return void process.stderr.write('\n*** SKIPPED: 188432 (de + en) absent\n');
    const result = importLss(readFileSync(path, 'utf8'), basename(path));
    const question = elementsOf(result).find((e) => e.name === 'G00Q03')!;
    assert.equal(result.survey.locale, 'de');
    assert.deepEqual(Object.keys(question.title as object).sort(), ['default', 'en']);
    const first = (question.choices as { text: Record<string, string> }[])[0]!;
    assert.deepEqual(first.text, { default: 'Erster Eintrag', en: 'First Entry' });
  });
});

/** The answers of the archive's submitted rows, read from the .lsr directly. */
function archiveRows(lsr: string): Record<string, string>[] {
  return lsTable(lsr, 'responses').filter((r) => r.submitdate);
}

const archives = files.filter((f) => f.endsWith('.lsa'));

describe(
  'LimeSurvey .lsa: responses match the archive',
  { skip: skip || (archives.length === 0 && 'no .lsa') },
  () => {
    for (const path of archives) {
      test(`${basename(path)}: counts per answer code equal the archive's`, async () => {
        const result = await convertFile(adapter, path);
        const { lss, lsr } = structureOf(path);
        assert.ok(lsr, 'the archive holds responses');
        const sid = lsTable(lss, 'surveys')[0]!.sid!;
        const rows = archiveRows(lsr);
        const responses = result.responses ?? [];
        assert.equal(responses.length, rows.length, 'one response per submitted row');
        const unfinished = lsTable(lsr, 'responses').length - rows.length;
        if (unfinished > 0)
          assert.ok(
            result.report.some((i) => i.code === 'response_incomplete_skipped' && i.count === unfinished),
          );

        let compared = 0;
        const tally = (values: unknown[]) => {
          const out: Record<string, number> = {};
          for (const v of values) if (v !== undefined && v !== '') out[String(v)] = (out[String(v)] ?? 0) + 1;
          return out;
        };
        for (const q of fileQuestions(lss)) {
          const col = `${sid}X${q.gid}X${q.qid}`;
          const data = responses.map((r) => r.data);
          if (q.encrypted) {
            const filled = rows.filter((r) => r[col]).length;
            assert.ok(data.every((d) => d[q.code] === undefined && d[`${q.code}-Comment`] === undefined));
            if (filled > 0)
              assert.ok(
                result.report.some((i) => i.code === 'response_encrypted' && i.question === q.code),
                `${q.code}: encrypted answers dropped without saying so`,
              );
            continue;
          }
          if (SINGLE.has(q.type)) {
            const expected = tally(rows.map((r) => (r[col] === '-oth-' ? 'other' : r[col])));
            assert.deepEqual(tally(data.map((d) => d[q.code])), expected, `${q.code} (${q.type})`);
            compared++;
          } else if (q.type === 'M' || q.type === 'P') {
            for (const sub of q.subs) {
              const expected = rows.filter((r) => r[col + sub] === 'Y').length;
              const got = data.filter((d) => (d[q.code] as string[] | undefined)?.includes(sub)).length;
              assert.equal(got, expected, `${q.code} ${sub}`);
            }
            if (q.other) {
              const texts = rows.map((r) => r[`${col}other`]).filter(Boolean);
              assert.deepEqual(
                data
                  .filter((d) => (d[q.code] as string[] | undefined)?.includes('other'))
                  .map((d) => d[`${q.code}-Comment`]),
                texts,
              );
            }
            compared++;
          } else if (ARRAYS.has(q.type)) {
            for (const sub of q.subs) {
              const expected = tally(rows.map((r) => r[col + sub]));
              const got = tally(data.map((d) => (d[q.code] as Record<string, unknown> | undefined)?.[sub]));
              assert.deepEqual(got, expected, `${q.code} row ${sub}`);
            }
            compared++;
          } else if (q.type === '1') {
            for (const sub of q.subs) {
              for (const [scale, name] of [
                ['0', q.code],
                ['1', `${q.code}_2`],
              ] as const) {
                const expected = tally(rows.map((r) => r[`${col}${sub}-${scale}`]));
                const got = tally(data.map((d) => (d[name] as Record<string, unknown> | undefined)?.[sub]));
                assert.deepEqual(got, expected, `${name} row ${sub}`);
              }
            }
            compared++;
          } else if (['S', 'T', 'U'].includes(q.type)) {
            assert.deepEqual(
              data.map((d) => d[q.code] ?? ''),
              rows.map((r) => r[col] ?? ''),
              q.code,
            );
            compared++;
          } else if (q.type === 'N') {
            assert.deepEqual(
              data.map((d) => d[q.code]),
              rows.map((r) => (r[col] ? Number(r[col]) : undefined)),
              q.code,
            );
            compared++;
          } else if (q.type === 'D') {
            assert.deepEqual(
              data.map((d) => d[q.code]),
              rows.map((r) => r[col]?.slice(0, 10) || undefined),
              q.code,
            );
            compared++;
          } else if (q.type === 'K' || q.type === 'Q') {
            for (const sub of q.subs) {
              const raw = rows.map((r) => r[col + sub] || undefined);
              const expected: unknown[] =
                q.type === 'K' ? raw.map((v) => (v === undefined ? v : Number(v))) : raw;
              assert.deepEqual(
                data.map((d) => d[`${q.code}_${sub}`]),
                expected,
                `${q.code}_${sub}`,
              );
            }
            compared++;
          }
        }
        assert.ok(compared > 0, 'at least one question compared');
        process.stdout.write(
          `# ${basename(path)}: ${responses.length} responses, ${compared} questions compared\n`,
        );
      });
    }
  },
);

/** Whether survey-core shows `name` once `values` are answered. */
function shown(result: ConversionResult, values: Record<string, unknown>, name: string): boolean {
  const model = surveyModel(result.survey);
  for (const [key, value] of Object.entries(values)) model.setValue(key, value);
  const element = model.getQuestionByName(name) ?? model.getPanelByName(name) ?? model.getPageByName(name);
  assert.ok(element, `${name} in the converted survey`);
  return element.isVisible;
}

function fileNamed(part: string): string | undefined {
  const path = files.find((f) => basename(f).includes(part));
  if (!path) process.stderr.write(`\n*** SKIPPED: ${part} absent from ${join(INTEROP_DIR, 'limesurvey')}\n`);
  return path;
}

describe(
  'LimeSurvey relevance: survey-core decides as LimeSurvey would (cases worked by hand)',
  { skip },
  () => {
    test('allinoneCondition: Q481.NAOK == "F" (Q481 is the gender question Q00, by its qid)', async () => {
      const path = fileNamed('allinoneCondition');
      if (!path) return;
      const result = await convertFile(adapter, path);
      const q = fileQuestions(readFileSync(path, 'utf8')).find((x) => x.code === 'G02Q02')!;
      assert.equal(q.relevance.replace(/\s/g, ''), '((Q481.NAOK=="F"))');
      // LimeSurvey: "F" → shown; "M" → hidden; unanswered ('' == "F" is false) → hidden.
      assert.equal(shown(result, { Q00: 'F' }, 'G02Q02'), true);
      assert.equal(shown(result, { Q00: 'M' }, 'G02Q02'), false);
      assert.equal(shown(result, {}, 'G02Q02'), false);
    });

    test('full_test archive: array cell and !is_empty(), checked on the archive responses too', async () => {
      const path = fileNamed('862611');
      if (!path) return;
      const result = await convertFile(adapter, path);
      const { lss, lsr } = structureOf(path);
      const relevance = new Map(fileQuestions(lss).map((q) => [q.code, q.relevance.replace(/\s/g, '')]));
      assert.equal(relevance.get('G01Q02'), '((G01Q01_SQ1.NAOK=="AO01"))');
      assert.equal(relevance.get('G01Q20'), '((!is_empty(G04Q19.NAOK)))');
      // G01Q01_SQ1 is row SQ1 of the array G01Q01.
      assert.equal(shown(result, { G01Q01: { SQ1: 'AO01' } }, 'G01Q02'), true);
      assert.equal(shown(result, { G01Q01: { SQ1: 'AO02', SQ2: 'AO01' } }, 'G01Q02'), false);
      assert.equal(shown(result, { G01Q01: { SQ2: 'AO01' } }, 'G01Q02'), false);
      assert.equal(shown(result, {}, 'G01Q02'), false);
      assert.equal(shown(result, { G04Q19: 'Firefox' }, 'G01Q20'), true);
      assert.equal(shown(result, { G04Q19: '' }, 'G01Q20'), false);
      assert.equal(shown(result, {}, 'G01Q20'), false);
      // LimeSurvey stores no answer for a question it hid: every converted response agrees.
      const rows = archiveRows(lsr!);
      for (const [index, response] of (result.responses ?? []).entries()) {
        for (const name of ['G01Q02', 'G01Q20']) {
          if (!shown(result, response.data, name))
            assert.equal(
              response.data[name],
              undefined,
              `response ${rows[index]!.id}: ${name} answered while hidden`,
            );
        }
      }
    });

    test('OldCodes: a .shown property is not translated and the report names the question and the group', async () => {
      const path = fileNamed('OldCodes');
      if (!path) return;
      const result = await convertFile(adapter, path);
      const byQuestion = (name: string) =>
        result.report.find((i) => i.code === 'condition_not_converted' && i.question === name);
      assert.ok(byQuestion('OLD_CODE2'), 'question relevance reported');
      assert.ok(byQuestion('g355'), 'group relevance reported');
      assert.match(byQuestion('OLD_CODE2')!.detail!, /OLD_CODE1\.shown>2/);
      const element = elementsOf(result).find((e: ElementJson) => e.name === 'OLD_CODE2')!;
      assert.equal(element.visibleIf, undefined, 'no half-translated condition');
    });
  },
);
