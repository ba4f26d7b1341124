import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FolderProgress } from '../ingest/index.js';
import type { ReportConfig } from '../stats/index.js';
import { PanoramaError } from '../contract/errors/index.js';
import type { ReportFormat } from '../contract/reports.js';
import { warnLeftOut } from './warnings.js';
import { parseCommandArgs, type CliCommand } from './run.js';
import { inputFolder, oneOf } from './options.js';

const TEXT_FORMATS = new Set<ReportFormat>(['json', 'csv', 'html']);

const HELP = `Usage: panorama report <dir> [options]

Computes the statistical report of a survey from a folder holding survey.json,
responses.jsonl (or .csv / .xlsx), an optional structures.csv (registry) and an
optional report.json (report configuration).

Options:
  --format FORMAT     json (default), html, docx, xlsx, pdf, or csv (raw answers)
  --out FILE          write to FILE (default: standard output for json, csv, html;
                      required for docx, xlsx, pdf when the output is a terminal)
  --config FILE       report configuration (default: <dir>/report.json when present)
  --where KEY=VALUE   keep the responses where KEY (registry attribute, else question)
                      equals VALUE; repeatable, all must hold
  --by KEY            split every table by a registry attribute or a question
  --lang fr|en        report language (default: the configuration's, else the survey's)
  --quartiles minitab|excel   quartile method (default minitab, as LimeSurvey)
  --base displayed|all        percentage base (default: responses that displayed the question)
  --profile panorama|limesurvey   statistical methods (default panorama; limesurvey reproduces
                      LimeSurvey 6: base all, minitab quartiles, its rounding, SD and rows)
  --terms grouped|raw   free-text term tables: inflections grouped (default) or raw words
  --lenient           leave out invalid values with a warning instead of failing
  --help              show this help

Example:
  panorama report ../shared/fixtures/hdf-2019 --config examples/hdf-2019/report.json --format docx --out hdf.docx
`;

async function readConfig(
  dir: string,
  path: string | undefined,
): Promise<{ config?: ReportConfig; source?: string }> {
  const file = path ? resolve(path) : join(dir, 'report.json');
  if (!path && !existsSync(file)) return {};
  if (!existsSync(file))
    throw new PanoramaError('cli_file_not_found', { option: 'config', path: path ?? file });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PanoramaError('cli_cannot_read_config', {
      path: file,
      reason: (err as NodeJS.ErrnoException).code ?? String(err),
    });
  }
  // Loaded here, not at the top: `panorama report --help` answers without the statistics engine.
  const { parseReportConfig } = await import('../stats/config.js');
  return { config: parseReportConfig(text, file), source: file };
}

/** A one-line bar on stderr, only for a terminal and a large input (past ~20k responses / 10 MB). */
function progressBar(): FolderProgress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (done, total, unit) => {
    const large = unit === 'bytes' ? total > 10_000_000 : total > 20_000;
    if (!large || total === 0) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === last) return;
    last = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    const amount =
      unit === 'bytes' ? `${(done / 1e6).toFixed(0)} / ${(total / 1e6).toFixed(0)} Mo` : `${done} / ${total}`;
    process.stderr.write(
      `\rLecture [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent} % ${amount}`,
    );
    if (done >= total) process.stderr.write('\n');
  };
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        where: { type: 'string', multiple: true },
        by: { type: 'string' },
        lang: { type: 'string' },
        quartiles: { type: 'string' },
        base: { type: 'string' },
        profile: { type: 'string' },
        terms: { type: 'string' },
        lenient: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    '.\nRun "panorama report --help" for the options.',
  );
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dir = inputFolder(positionals, 'report');
  // The options' values are the contract's (src/contract/reports.ts), as for the web API.
  // zod and the contract load after --help has had its chance to answer.
  const { REPORT_FORMATS, reportOptions } = await import('../contract/reports.js');
  const { shape } = reportOptions;
  const format = oneOf('format', values.format, REPORT_FORMATS) ?? 'json';
  const options = {
    format,
    where: values.where ?? [],
    by: values.by,
    lang: oneOf('lang', values.lang, shape.lang.unwrap().options),
    quartiles: oneOf('quartiles', values.quartiles, shape.quartiles.unwrap().options),
    base: oneOf('base', values.base, shape.base.unwrap().options),
    profile: oneOf('profile', values.profile, shape.profile.unwrap().options),
    terms: oneOf('terms', values.terms, shape.terms.unwrap().options),
  };
  if (!values.out && !TEXT_FORMATS.has(format) && process.stdout.isTTY) {
    throw new PanoramaError('cli_binary_needs_out', { format });
  }
  const { config, source } = await readConfig(dir, values.config);

  // The use case loads the input and the renderers (exceljs, docx, pdfmake, echarts) on use.
  const { folderReport } = await import('../app/reports/folder.js');
  const progress = progressBar();
  const report = await folderReport({
    dir,
    options,
    ...(config ? { config } : {}),
    ...(source ? { configSource: source } : {}),
    lenient: values.lenient ?? false,
    ...(progress ? { progress } : {}),
  });
  const output = report.body;
  warnLeftOut(report.warnings);
  if (values.out) {
    try {
      await writeFile(values.out, output);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new PanoramaError('cli_cannot_write', { path: values.out, reason: code });
    }
  } else process.stdout.write(output);
  return 0;
}

export const reportCommand: CliCommand = {
  summary: 'compute a survey report from a folder of raw answers',
  // Bad input (files, configuration, options) throws PanoramaErrors: the entry point words them in
  // the user's language (src/main/panorama.ts).
  run,
};
