import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PanoramaError } from '../contract/errors/index.js';
import type { Anomaly } from '../coherence/index.js';
import { existingFolder, inputFolder, oneOf } from './options.js';
import { warnLeftOut } from './warnings.js';
import { parseCommandArgs, type CliCommand } from './run.js';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

const HELP = `Usage: panorama check <dir> --rules FILE [options]

Checks the answers of a campaign folder (survey.json, responses.jsonl / .csv / .xlsx, optional
structures.csv) against coherence rules (see docs/coherence.md) and writes the anomalies found,
most severe first: [{"response","structure","rule","questions","message","severity"}].

Options:
  --rules FILE        the coherence rules (JSON), required
  --previous DIR      the previous campaign's folder, for "change" rules without "from"
  --format FORMAT     json (default), csv or xlsx
  --out FILE          write to FILE (default: standard output; required for xlsx on a terminal)
  --lenient           leave out invalid values with a warning instead of failing
  --help              show this help

Example:
  panorama check ../shared/fixtures/observatoire-nord-2021 \\
    --rules examples/observatoire-nord-2021/rules.json --format csv --out anomalies.csv
`;

/** The rows written by every format, in this column order. */
export const CHECK_COLUMNS = ['response', 'structure', 'rule', 'questions', 'message', 'severity'] as const;

const SEVERITY_FR = { blocking: 'bloquante', warning: 'avertissement', flag: 'signalement' } as const;

function rows(anomalies: Anomaly[]) {
  return anomalies.map((a) => ({
    response: a.response,
    structure: a.structure,
    rule: a.rule,
    questions: a.questions,
    message: a.message,
    severity: a.severity,
  }));
}

async function xlsx(anomalies: Anomaly[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Anomalies');
  sheet.columns = [
    { header: 'response', key: 'response', width: 14 },
    { header: 'structure', key: 'structure', width: 16 },
    { header: 'rule', key: 'rule', width: 30 },
    { header: 'questions', key: 'questions', width: 40 },
    { header: 'message', key: 'message', width: 120 },
    { header: 'severity', key: 'severity', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows(anomalies)) {
    // Text cells only: a value beginning with "=" stays text (exceljs writes strings as strings).
    sheet.addRow({ ...r, structure: r.structure ?? '', questions: r.questions.join(', ') });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args,
      allowPositionals: true,
      options: {
        rules: { type: 'string' },
        previous: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        lenient: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    '.\nRun "panorama check --help" for the options.',
  );
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dir = inputFolder(positionals, 'check');
  const format = oneOf('format', values.format, FORMATS) ?? 'json';
  if (!values.rules)
    throw new PanoramaError('cli_option_missing', { option: 'rules', example: '--rules regles.json' });
  const rulesPath = resolve(values.rules);
  if (!existsSync(rulesPath))
    throw new PanoramaError('cli_file_not_found', { option: 'rules', path: values.rules });
  const previousDir = values.previous ? existingFolder(values.previous) : undefined;
  if (!values.out && format === 'xlsx' && process.stdout.isTTY) {
    throw new PanoramaError('cli_binary_needs_out', { format });
  }

  const { openInputFolder } = await import('../ingest/index.js');
  const { checkResponses, parseRuleSet } = await import('../coherence/index.js');
  const lenient = values.lenient ?? false;
  const input = await openInputFolder(dir, { lenient });
  const ruleSet = parseRuleSet(readFileSync(rulesPath, 'utf8'), values.rules, input.survey);
  const responses = await input.all();
  const previous = previousDir ? await (await openInputFolder(previousDir, { lenient })).all() : undefined;
  const anomalies = checkResponses(input.survey, responses, ruleSet.rules, {
    registry: input.registry,
    previous,
  });

  let output: Buffer;
  if (format === 'json') output = Buffer.from(`${JSON.stringify(rows(anomalies), null, 2)}\n`, 'utf8');
  else if (format === 'csv') {
    const { writeCsv } = await import('../csv/write.js');
    output = Buffer.from(
      writeCsv(
        CHECK_COLUMNS,
        rows(anomalies).map((r) => [
          r.response,
          r.structure,
          r.rule,
          r.questions.join(', '),
          r.message,
          r.severity,
        ]),
      ),
      'utf8',
    );
  } else output = await xlsx(anomalies);

  warnLeftOut(input.warnings);
  const count = (s: Anomaly['severity']) => anomalies.filter((a) => a.severity === s).length;
  process.stderr.write(
    `panorama check : ${anomalies.length} anomalie(s) sur ${responses.length} réponse(s) — ` +
      (['blocking', 'warning', 'flag'] as const).map((s) => `${count(s)} ${SEVERITY_FR[s]}(s)`).join(', ') +
      '.\n',
  );
  if (values.out) {
    try {
      await writeFile(values.out, output);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      throw new PanoramaError('cli_cannot_write', { path: values.out, reason: code });
    }
  } else process.stdout.write(output);
  return 0;
}

export const checkCommand: CliCommand = {
  summary: 'check a campaign folder against coherence rules',
  async run(args) {
    // Bad files (InputError, SurveyDefinitionError, JsonSyntaxError) are PanoramaErrors: worded by
    // the entry point in the user's language.
    return run(args);
  },
};
