import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseJsonText } from '../survey/json-position.js';
import { PanoramaError } from '../contract/errors/index.js';
import { warnLeftOut } from './warnings.js';
import { parseCommandArgs, type CliCommand } from './run.js';
import { existingFolder, inputFolder, oneOf } from './options.js';
import { BROCHURE_FORMATS as FORMATS } from '../contract/publication.js';

type BrochureFormat = (typeof FORMATS)[number];

const HELP = `Usage: panorama brochure <dir> --indicators FILE [options]

Publishes the key figures of a campaign for the whole network or one territory, as a
designed brochure (HTML, PDF, DOCX) or as JSON. <dir> holds survey.json, responses.* and
structures.csv (registry).

Options:
  --indicators FILE     indicator definitions (default: <dir>/indicators.json); see docs/indicators.md
  --territory NAME      publish for one territory (default: the whole network)
  --level ATTRIBUTE     registry column the territory belongs to (default: the indicator
                        file's territoryAttribute, usually "territoire"; e.g. departement)
  --format FORMAT       json (default), html, pdf or docx
  --out FILE            write to FILE (default: standard output for json and html)
  --k N                 confidentiality threshold: figures resting on fewer than N
                        structures are not published (default 5)
  --audience public|admin   admin shows every figure (internal use only; default public)
  --previous [LABEL=]DIR    an earlier campaign's folder (same question names), for trends;
                        repeatable, oldest first (LABEL defaults to the folder name)
  --geojson FILE        territory boundaries (GeoJSON polygons) for a choropleth map
  --geojson-property P  feature property holding the territory name (default: guessed)
  --structure ID        instead of the brochure, the structure sheet of registry id ID:
                        its own values beside the quartiles of its territory (--level),
                        of the network and of similar structures (json, html or pdf)
  --lang fr|en          document language (default fr)
  --lenient             leave out invalid answers with a warning instead of failing
  --help                show this help

Example:
  panorama brochure ../shared/fixtures/observatoire-nord-2021 \\
    --indicators examples/observatoire-nord-2021/indicators.json --territory Flandre --format pdf --out flandre.pdf
`;

function parsePrevious(items: string[]): { label: string; dir: string }[] {
  return items.map((item) => {
    const at = item.indexOf('=');
    const [label, path] =
      at > 0 && !existsSync(item) ? [item.slice(0, at), item.slice(at + 1)] : [basename(resolve(item)), item];
    return { label, dir: existingFolder(path) };
  });
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args,
      allowPositionals: true,
      options: {
        indicators: { type: 'string' },
        territory: { type: 'string' },
        level: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        k: { type: 'string' },
        audience: { type: 'string' },
        previous: { type: 'string', multiple: true },
        geojson: { type: 'string' },
        'geojson-property': { type: 'string' },
        lang: { type: 'string' },
        structure: { type: 'string' },
        lenient: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    '.\nRun "panorama brochure --help" for the options.',
  );
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dir = inputFolder(positionals, 'brochure');
  const format: BrochureFormat = oneOf('format', values.format, FORMATS) ?? 'json';
  const audience = oneOf('audience', values.audience, ['public', 'admin'] as const) ?? 'public';
  const lang = oneOf('lang', values.lang, ['fr', 'en'] as const) ?? 'fr';
  let k: number | undefined;
  if (values.k !== undefined) {
    k = Number(values.k);
    if (!Number.isInteger(k) || k < 1)
      throw new PanoramaError('cli_whole_number', { option: 'k', value: values.k, min: 1, example: '--k 5' });
    // Below 3 structures, any two of them deduce the third's answer from a published figure.
    if (audience === 'public' && k < 3)
      throw new PanoramaError('cli_brochure_k_too_small', { value: values.k });
  }
  if (values.structure !== undefined)
    return structureSheet(dir, values.structure, { ...values, format, audience, lang, k });
  const indicatorsPath = resolve(values.indicators ?? join(dir, 'indicators.json'));
  if (!existsSync(indicatorsPath)) {
    throw values.indicators
      ? new PanoramaError('cli_file_not_found', { option: 'indicators', path: values.indicators })
      : new PanoramaError('cli_indicators_missing', { folder: positionals[0]! });
  }
  if ((format === 'pdf' || format === 'docx') && !values.out && process.stdout.isTTY) {
    throw new PanoramaError('cli_binary_needs_out', { format });
  }
  const previousDirs = parsePrevious(values.previous ?? []);

  // Document libraries (pdfmake, docx, echarts) are heavy: loaded on use.
  const { readCampaignFolder, loadIndicatorFile, buildBrochure, parseBoundaries } =
    await import('../publish/index.js');

  const campaign = await readCampaignFolder(dir, { lenient: values.lenient ?? false });
  const file = await loadIndicatorFile(indicatorsPath, campaign.survey, campaign.registry);
  if (values.territory !== undefined && !campaign.registry) {
    throw new PanoramaError('cli_needs_registry', {
      option: 'territory',
      folder: positionals[0]!,
      territory: values.territory,
    });
  }
  const level = values.level ?? file.territoryAttribute;
  if (values.territory !== undefined && campaign.registry && !campaign.registry.attributes.includes(level)) {
    throw new PanoramaError('cli_level_unknown', { level, known: campaign.registry.attributes });
  }
  const previous = [];
  for (const p of previousDirs)
    previous.push({
      label: p.label,
      campaign: await readCampaignFolder(p.dir, { lenient: values.lenient ?? false }),
    });
  const boundaries = values.geojson
    ? parseBoundaries(parseJsonText(readGeoJson(values.geojson), values.geojson), values.geojson)
    : undefined;

  const model = buildBrochure(campaign, file, {
    territory: values.territory !== undefined ? { level, name: values.territory } : null,
    audience,
    lang,
    previous,
    ...(k !== undefined ? { k } : {}),
    ...(boundaries ? { boundaries } : {}),
    ...(values['geojson-property'] ? { boundaryProperty: values['geojson-property'] } : {}),
  });
  // One format dispatch with the web API (src/app/publication/brochure.ts), laid out on this thread.
  const { brochureBytes } = await import('../app/publication/brochure.js');
  const { runRenderTask } = await import('../runtime/render-tasks.js');
  const output = await brochureBytes(model, format, runRenderTask);
  warnLeftOut(campaign.warnings);
  if (values.out) await writeFile(values.out, output);
  else process.stdout.write(output);
  return 0;
}

async function structureSheet(
  dir: string,
  id: string,
  o: {
    format: BrochureFormat;
    audience: 'public' | 'admin';
    lang: 'fr' | 'en';
    k: number | undefined;
    level?: string;
    out?: string;
    lenient?: boolean;
  },
): Promise<number> {
  if (o.format === 'docx') throw new PanoramaError('cli_sheet_format', { format: o.format });
  const { readCampaignFolder, buildStructureSheet, renderSheetHtml, renderSheetPdf } =
    await import('../publish/index.js');
  const campaign = await readCampaignFolder(dir, { lenient: o.lenient ?? false });
  if (!campaign.registry) throw new PanoramaError('cli_needs_registry', { option: 'structure', folder: dir });
  const known = campaign.registry.structures.map((s) => s.id);
  if (!known.includes(id)) {
    throw new PanoramaError('sheet_unknown_structure', {
      structure: id,
      known: known.slice(0, 10),
      total: known.length,
    });
  }
  const sheet = buildStructureSheet(campaign, id, {
    audience: o.audience,
    lang: o.lang,
    ...(o.level ? { level: o.level } : {}),
    ...(o.k !== undefined ? { k: o.k } : {}),
  });
  const output =
    o.format === 'pdf'
      ? await renderSheetPdf(sheet)
      : Buffer.from(
          o.format === 'html' ? await renderSheetHtml(sheet) : `${JSON.stringify(sheet, null, 2)}\n`,
          'utf8',
        );
  if (o.out) await writeFile(o.out, output);
  else process.stdout.write(output);
  return 0;
}

function readGeoJson(path: string): string {
  if (!existsSync(path)) throw new PanoramaError('cli_file_not_found', { option: 'geojson', path });
  return readFileSync(path, 'utf8');
}

export const brochureCommand: CliCommand = {
  summary: 'publish a territorial key-figures brochure',
  async run(args) {
    // Bad files and names (InputError, IndicatorFileError, GeoJsonError, UnknownTerritoryError…)
    // are PanoramaErrors: worded by the entry point in the user's language.
    return run(args);
  },
};
