import { z } from 'zod';
import { PanoramaError, parseFields, type ErrorParamsOf } from '../../contract/errors/index.js';
import { formatNumber } from '../../report/format.js';
import type { TerritoryCount } from './territories.js';
import { CHOROPLETH, escapeXml, MAP_COLORS, MAP_FONT, wrapLabel, textLines } from './svg.js';
import type { MapOptions } from './schematic.js';

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
export const boundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()).nullable(),
        geometry,
      }),
    )
    .min(1),
});
export type Boundaries = z.infer<typeof boundariesSchema>;
type Feature = Boundaries['features'][number];

/** A boundaries file that is not usable GeoJSON: its first problem, worded at the edge (no zod text). */
export class GeoJsonError extends PanoramaError<'geojson_invalid'> {
  constructor(params: ErrorParamsOf<'geojson_invalid'>) {
    super('geojson_invalid', params);
    this.name = 'GeoJsonError';
  }
}

export function parseBoundaries(json: unknown, file: string): Boundaries {
  const parsed = parseFields(boundariesSchema, json);
  if (!parsed.ok) throw new GeoJsonError({ file, issue: parsed.issues[0]! });
  return parsed.data;
}

function polygons(f: Feature): number[][][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

const PROPERTY_CANDIDATES = ['name', 'nom', 'territoire', 'libelle', 'NAME', 'NOM'];

/** The property naming territories: the one (of the usual candidates, then any) matching most territories. */
export function matchProperty(boundaries: Boundaries, names: readonly string[], preferred?: string): string {
  if (preferred) return preferred;
  const keys = new Set(boundaries.features.flatMap((f) => Object.keys(f.properties ?? {})));
  const score = (key: string) =>
    boundaries.features.filter((f) => names.includes(String(f.properties?.[key] ?? ''))).length;
  const ordered = [
    ...PROPERTY_CANDIDATES.filter((k) => keys.has(k)),
    ...[...keys].filter((k) => !PROPERTY_CANDIDATES.includes(k)),
  ];
  let best = ordered[0] ?? 'name';
  for (const key of ordered) if (score(key) > score(best)) best = key;
  return best;
}

/** Equirectangular projection of the collection's bounding box, longitudes scaled by cos(lat0). */
function projection(boundaries: Boundaries, width: number, height: number, margin: number) {
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  for (const f of boundaries.features) {
    for (const poly of polygons(f))
      for (const r of poly)
        for (const [lon, lat] of r) {
          minLon = Math.min(minLon, lon!);
          maxLon = Math.max(maxLon, lon!);
          minLat = Math.min(minLat, lat!);
          maxLat = Math.max(maxLat, lat!);
        }
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-9, (maxLon - minLon) * k);
  const spanY = Math.max(1e-9, maxLat - minLat);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return (lon: number, lat: number): [number, number] => [
    offsetX + (lon - minLon) * k * scale,
    offsetY + (maxLat - lat) * scale,
  ];
}

/** Area-weighted centroid of the feature's largest outer ring, in projected coordinates. */
function labelPoint(f: Feature, project: (lon: number, lat: number) => [number, number]): [number, number] {
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const poly of polygons(f)) {
    const pts = poly[0]!.map(([lon, lat]) => project(lon!, lat!));
    let a = 0,
      cx = 0,
      cy = 0;
    for (let i = 0; i < pts.length - 1; i++) {
      const [x0, y0] = pts[i]!;
      const [x1, y1] = pts[i + 1]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(a) > bestArea && a !== 0) {
      bestArea = Math.abs(a);
      best = [cx / (3 * a), cy / (3 * a)];
    }
  }
  return best;
}

export interface BoundaryMapOptions extends MapOptions {
  /** Feature property holding the territory name; guessed when absent. */
  property?: string;
  height?: number;
}

/** With boundaries: a choropleth of counts (5 equal classes up to the maximum) with labels and a legend. */
export function boundaryMapSvg(
  boundaries: Boundaries,
  territories: readonly TerritoryCount[],
  options: BoundaryMapOptions,
): string {
  const lang = options.lang ?? 'fr';
  const width = options.width ?? 640;
  const mapHeight = options.height ?? 440;
  const top = 40;
  const names = territories.map((t) => t.name);
  const property = matchProperty(boundaries, names, options.property);
  const project = projection(boundaries, width, mapHeight, 20);
  const byName = new Map(territories.map((t) => [t.name, t]));
  const max = Math.max(1, ...territories.map((t) => t.structures));
  const classOf = (n: number) =>
    Math.min(CHOROPLETH.length - 1, Math.floor((n / max) * CHOROPLETH.length - 1e-9));
  const paths: string[] = [];
  const labels: string[] = [];
  const drawn = new Set<string>();
  for (const f of boundaries.features) {
    const name = String(f.properties?.[property] ?? '');
    const t = byName.get(name);
    const d = polygons(f)
      .flatMap((poly) =>
        poly.map(
          (r) =>
            'M' +
            r
              .map(([lon, lat]) =>
                project(lon!, lat!)
                  .map((v) => v.toFixed(1))
                  .join(','),
              )
              .join('L') +
            'Z',
        ),
      )
      .join('');
    const fill = t ? CHOROPLETH[classOf(t.structures)] : MAP_COLORS.land;
    const stroke = t?.highlighted ? MAP_COLORS.accent : MAP_COLORS.border;
    paths.push(
      `<path d="${d}" fill="${fill}" stroke="${stroke}" stroke-width="${t?.highlighted ? 3 : 1.5}" fill-rule="evenodd"><title>${escapeXml(name)}</title></path>`,
    );
    if (!t) continue;
    drawn.add(t.name);
    const [x, y] = labelPoint(f, project);
    const dark = classOf(t.structures) >= 3;
    const color = dark ? '#ffffff' : MAP_COLORS.ink;
    const lines = wrapLabel(t.label.toLocaleUpperCase('fr-FR'), 16);
    labels.push(
      textLines(
        lines,
        x,
        y - 8 - (lines.length - 1) * 6,
        `text-anchor="middle" font-size="10" font-weight="bold" fill="${color}"`,
        12,
      ),
    );
    labels.push(
      `<text x="${x.toFixed(1)}" y="${(y + 6 + (lines.length - 1) * 6).toFixed(1)}" text-anchor="middle" font-size="10" fill="${color}">${formatNumber(t.structures, lang, 0)} ${escapeXml(options.unit)}</text>`,
    );
  }
  const missing = territories.filter((t) => !drawn.has(t.name));
  const legendY = top + mapHeight + 8;
  const legend = CHOROPLETH.map((c, i) => {
    const lo = Math.floor((i * max) / CHOROPLETH.length) + (i ? 1 : 0);
    const hi = Math.floor(((i + 1) * max) / CHOROPLETH.length);
    return `<rect x="${20 + i * 110}" y="${legendY}" width="14" height="14" fill="${c}"/><text x="${38 + i * 110}" y="${legendY + 11}" font-size="10" fill="${MAP_COLORS.ink}">${lo}–${hi}</text>`;
  }).join('');
  const note = missing.length
    ? `<text x="20" y="${legendY + 34}" font-size="10" fill="${MAP_COLORS.muted}">${escapeXml((lang === 'fr' ? 'Sans contour : ' : 'No boundary: ') + missing.map((t) => `${t.label} (${t.structures})`).join(', '))}</text>`
    : '';
  const height = legendY + (missing.length ? 44 : 24);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MAP_FONT}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="bold" fill="${MAP_COLORS.ink}">${escapeXml(options.title)}</text>`,
    `<g transform="translate(0 ${top})">${paths.join('')}${labels.join('')}</g>`,
    legend,
    note,
    '</svg>',
  ].join('');
}
