import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildDirectoryExport } from '../app/solidarity/directory.js';
import { exportFormatSchema } from '../app/solidarity/schemas.js';
import { PanoramaError, parseFields } from '../contract/errors/index.js';
import { parseJsonText } from '../survey/json-position.js';
import { pickLang } from '../contract/lang.js';
import {
  computeFigures,
  defaultFigureDefinitions,
  figureConfigSchema,
  protectFigures,
} from '../solidarity/figures.js';
import { readSolidarityFolder } from '../solidarity/read.js';
import { loadStandardSchemas } from '../solidarity/validate.js';
import { writeCsv } from '../csv/write.js';
import { parseCommandArgs, type CliCommand } from './run.js';
import { existingFolder, inputFolder, oneOf } from './options.js';

const HELP = `Usage: panorama solidarity figures <dir> [options]
       panorama solidarity export <dir> --format FORMAT [options]

Digital solidarity (equipment programmes, services directory, online resources) from a folder:
structures.csv, permanences.csv, programmes.csv, foyers.csv, materiel.csv, attributions.csv,
accompagnements.csv, ressources.csv (see docs/solidarity.md).

figures: the programme report.
  --config FILE         figure definitions {"figures":[{id,label,unit,measure,…}]}
                        (default: <dir>/figures.json if present, else the standard report)
  --format json|csv     json (default): {"figures":[{"id","label","value","unit"}]}
  --as-of YYYY-MM-DD    reference date for overdue loans (default: today)
  --k N                 public output: counts from 1 to N-1 are withheld (default: none)

export: the directory in a national open-data standard.
  --format FORMAT       mednum-csv | mednum-json (« lieux de médiation numérique ») | data-inclusion
  --out FILE            write to FILE (default: standard output)
  --schemas DIR         folder holding mednum/schema.json and datainclusion/v1/*.json, to validate
                        the export against the official schemas before writing it
                        (default: $PANORAMA_INTEROP_DIR)
  --source NAME         the producer (default "panorama")
  --partial             leave out the structures lacking a required field (listed on stderr)
                        instead of failing

Example:
  panorama solidarity figures ../shared/fixtures/solidarite-numerique-2020 \\
    --config examples/solidarite-numerique-2020/figures.json
`;

function readFolder(dir: string) {
  const { data, problems } = readSolidarityFolder(dir);
  // Each problem is coded (solidarity_*): worded in the user's language by the entry point.
  if (problems.length) throw new PanoramaError('input_problems', { problems });
  return data;
}

async function output(text: string, out: string | undefined): Promise<void> {
  if (out) await writeFile(resolve(out), text);
  else process.stdout.write(text);
}

function describeDetails(details: unknown): string {
  if (!Array.isArray(details)) return '';
  const lang = pickLang(process.env.PANORAMA_LANG ?? process.env.LANG?.split('.')[0]?.replace('_', '-'));
  return details
    .slice(0, 100)
    .map((d: Record<string, unknown>) => {
      if (typeof d.code === 'string' && d.code.startsWith('solidarity_place_')) {
        const e = new PanoramaError(d.code as 'solidarity_place_field_missing', {
          place: `${String(d.name)} (${String(d.structure)})`,
          field: String(d.field),
          ...(d.detail ? { detail: String(d.detail) } : {}),
          ...(d.value ? { value: String(d.value) } : {}),
        });
        return `  - ${e.messageIn(lang)}`;
      }
      return `  - ${String(d.record)}, ${String(d.field)}: ${String(d.message)}`;
    })
    .join('\n');
}

async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    process.stdout.write(HELP);
    return sub ? 0 : 2;
  }
  const { values, positionals } = parseCommandArgs(
    {
      args: rest,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        k: { type: 'string' },
        schemas: { type: 'string' },
        source: { type: 'string' },
        partial: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    '.\nRun "panorama solidarity --help" for the options.',
  );
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dir = inputFolder(positionals, 'solidarity');
  if (sub === 'figures') {
    const data = readFolder(dir);
    const configPath =
      values.config ?? (existsSync(join(dir, 'figures.json')) ? join(dir, 'figures.json') : undefined);
    let definitions = defaultFigureDefinitions(data);
    if (configPath) {
      const json = parseJsonText(readFileSync(resolve(configPath), 'utf8'), configPath);
      const parsed = parseFields(figureConfigSchema, json);
      if (!parsed.ok)
        throw new PanoramaError('cli_settings_file_invalid', { file: configPath, issues: parsed.issues });
      definitions = parsed.data.figures;
    }
    const asOf = values['as-of'];
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
      throw new PanoramaError('cli_date_expected', { option: 'as-of', value: asOf });
    const k = values.k === undefined ? undefined : Number(values.k);
    if (k !== undefined && !(Number.isInteger(k) && k >= 1))
      throw new PanoramaError('cli_whole_number', { option: 'k', value: values.k!, min: 1 });
    const computed = computeFigures(definitions, data, asOf ? { asOf } : {});
    const figures = k ? protectFigures(computed, k) : computed;
    const format = oneOf('format', values.format, ['json', 'csv'] as const) ?? 'json';
    const text =
      format === 'json'
        ? `${JSON.stringify({ figures }, null, 2)}\n`
        : writeCsv(
            ['id', 'label', 'value', 'unit'],
            figures.map((f) => [f.id, f.label, f.value, f.unit]),
          );
    await output(text, values.out);
    return 0;
  }
  if (sub === 'export') {
    const parsedFormat = exportFormatSchema.safeParse(values.format);
    if (!parsedFormat.success) {
      throw new PanoramaError('cli_option_choice', {
        option: 'format',
        value: values.format ?? '',
        allowed: [...exportFormatSchema.options],
      });
    }
    const data = readFolder(dir);
    const schemaDir = values.schemas ?? process.env.PANORAMA_INTEROP_DIR;
    const schemas = schemaDir ? loadStandardSchemas(existingFolder(schemaDir)) : undefined;
    try {
      const result = buildDirectoryExport(data.places, data.services, parsedFormat.data, {
        source: values.source ?? 'panorama',
        updatedOn: new Date().toISOString().slice(0, 10),
        strict: !values.partial,
        ...(schemas ? { schemas } : {}),
      });
      await output(result.body, values.out);
      if (result.problems.length) {
        process.stderr.write(
          `panorama: ${result.problems.length} missing field(s): structures left out:\n${describeDetails(
            result.problems.map((p) => ({
              structure: p.placeId,
              name: p.placeName,
              field: p.field,
              code: p.code,
              detail: p.detail,
              value: p.value,
            })),
          )}\n`,
        );
      }
      if (!result.schemaChecked) {
        process.stderr.write(
          'panorama: official schema not given (--schemas): required fields checked only.\n',
        );
      }
      return 0;
    } catch (err) {
      if (err instanceof PanoramaError && err.details)
        process.stderr.write(`${describeDetails(err.details)}\n`);
      throw err;
    }
  }
  throw new PanoramaError('cli_unknown_subcommand', {
    command: 'solidarity',
    sub: sub ?? '',
    allowed: ['figures', 'export'],
  });
}

export const solidarityCommand: CliCommand = {
  summary: 'digital solidarity: programme figures and directory exports (mednum, data·inclusion)',
  run,
};
