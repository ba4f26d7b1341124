import { writeFile } from 'node:fs/promises';
import { PanoramaError } from '../contract/errors/index.js';
import { formatProblems } from '../ingest/problems.js';
import { inputFolder } from './options.js';
import { parseCommandArgs, type CliCommand } from './run.js';

const HELP = `Usage: panorama export <dir> [options]

Writes the raw answers of a folder (survey.json, responses.jsonl / .csv / .xlsx, optional
structures.csv) for analysts: one row per response, in CSV, XLSX, or for R and SPSS a .zip holding
the data and a script that labels every variable and every choice (as LimeSurvey does).

Options:
  --format FORMAT     csv (default), xlsx, r or spss
  --values VALUES     codes (default) or labels (CSV and XLSX)
  --choices CHOICES   columns (default: one 0/1 column per choice) or cell (values joined by " | ")
  --no-registry       the structure's code only, without its name and registry columns
  --lang LANG         fr (default: ";", 12,5, 15/03/2024 14:30 Paris time) or en
  --out FILE          write to FILE (default: standard output; required for binary formats on a terminal)
  --lenient           leave out invalid values with a warning instead of failing
  --help              show this help

Example:
  panorama export ../shared/fixtures/hdf-2019 --format spss --out hdf-2019-spss.zip
`;

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        values: { type: 'string' },
        choices: { type: 'string' },
        'no-registry': { type: 'boolean' },
        lang: { type: 'string' },
        out: { type: 'string' },
        lenient: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    '.\nRun "panorama export --help" for the options.',
  );
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dir = inputFolder(positionals, 'export');
  // The same options schema as GET /api/campaigns/:id/export (src/contract/exports.ts).
  const { exportRequest } = await import('../app/exports/campaign.js');
  const request = exportRequest({
    ...(values.format !== undefined ? { format: values.format } : {}),
    ...(values.values !== undefined ? { values: values.values } : {}),
    ...(values.choices !== undefined ? { choices: values.choices } : {}),
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
    registry: !values['no-registry'],
  });
  if (!values.out && request.format !== 'csv' && process.stdout.isTTY)
    throw new PanoramaError('cli_binary_needs_out', { format: request.format });

  const { readInputFolder } = await import('../ingest/index.js');
  const { buildExport } = await import('../export/index.js');
  const folder = await readInputFolder(dir, { lenient: values.lenient ?? false });
  const document = await buildExport(
    request.format,
    folder.survey,
    folder.responses,
    folder.registry ?? { structures: [], attributes: [] },
    request.options,
    { base: 'reponses', title: folder.survey.title },
  );
  if (folder.warnings.length > 0)
    process.stderr.write(
      `panorama: warning: values left out (--lenient):\n${formatProblems(folder.warnings, 20)}\n`,
    );
  if (values.out) {
    try {
      await writeFile(values.out, document.body);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      throw new PanoramaError('cli_cannot_write', { path: values.out, reason: code });
    }
  } else process.stdout.write(document.body);
  return 0;
}

export const exportCommand: CliCommand = {
  summary: 'export the raw answers of a folder for analysts (CSV, XLSX, R, SPSS)',
  run,
};
