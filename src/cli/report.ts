import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatProblems } from '../ingest/problems.js';
import type { BaseMode, QuartileMethod, ReportLang, StatsProfile } from '../report/model.js';
import { parseReportConfig, ReportBuilder, type ReportConfig } from '../stats/index.js';
import { PanoramaError } from '../contract/errors/index.js';
import type { Progress } from './report-input.js';
import { parseCommandArgs, type CliCommand } from './run.js';
import { inputFolder, oneOf } from './options.js';

const FORMATS = ['json', 'html', 'docx', 'xlsx', 'pdf', 'csv'] as const;
type CliFormat = (typeof FORMATS)[number];
const TEXT_FORMATS = new Set<CliFormat>(['json', 'csv', 'html']);

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
  --lenient           leave out invalid values with a warning instead of failing
  --help              show this help

Example:
  panorama report ../shared/fixtures/hdf-2019 --config examples/hdf-2019/report.json --format docx --out hdf.docx
`;

function parseWhere(items: string[]): { key: string; value: string }[] {
  return items.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw new PanoramaError('cli_where_syntax', { item });
    return { key: item.slice(0, at).trim(), value: item.slice(at + 1).trim() };
  });
}

function readConfig(dir: string, path: string | undefined): { config?: ReportConfig; source?: string } {
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
  return { config: parseReportConfig(text, file), source: file };
}

/** A one-line bar on stderr, only for a terminal and a large input (past ~20k responses / 10 MB). */
function progressBar(): Progress | undefined {
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
  const format = oneOf('format', values.format, FORMATS) ?? 'json';
  const lang = oneOf<ReportLang>('lang', values.lang, ['fr', 'en']);
  const quartiles = oneOf<QuartileMethod>('quartiles', values.quartiles, ['minitab', 'excel']);
  const base = oneOf<BaseMode>('base', values.base, ['displayed', 'all']);
  const profile = oneOf<StatsProfile>('profile', values.profile, ['panorama', 'limesurvey']);
  const filters = parseWhere(values.where ?? []);
  if (!values.out && !TEXT_FORMATS.has(format) && process.stdout.isTTY) {
    throw new PanoramaError('cli_binary_needs_out', { format });
  }
  const { config, source } = readConfig(dir, values.config);

  // Loaders and renderers pull in heavy libraries (exceljs, docx, pdfmake, echarts): loaded on use.
  const { openReportInput } = await import('./report-input.js');
  const input = await openReportInput(dir, values.lenient ?? false, progressBar());
  let output: Buffer;
  if (format === 'csv') {
    const { writeResponsesCsv } = await import('../ingest/export-csv.js');
    output = Buffer.from(writeResponsesCsv(input.survey, await input.all()), 'utf8');
  } else {
    // Options are checked (unknown --where key, bad config) before the long pass over the responses.
    const builder = new ReportBuilder(input.survey, {
      registry: input.registry,
      config,
      configSource: source,
      filters,
      by: values.by,
      lang,
      quartiles,
      base,
      profile,
    });
    await input.feed((response) => builder.add(response));
    const model = builder.finish();
    if (format === 'json') {
      // Same bytes as renderReport(model, 'json') (a test checks it) without loading the
      // document libraries, which take seconds to import.
      output = Buffer.from(`${JSON.stringify(model, null, 2)}\n`, 'utf8');
    } else {
      const { renderReport } = await import('../report/render/index.js');
      output = await renderReport(model, format);
    }
  }
  if (input.warnings.length > 0) {
    process.stderr.write(
      `panorama: warning: values left out (--lenient):\n${formatProblems(input.warnings, 20)}\n`,
    );
  }
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
