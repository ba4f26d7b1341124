import { formatNumber } from '../../report/format.js';
import type { TerritoryCount } from './territories.js';
import { escapeXml, MAP_COLORS, MAP_FONT, textLines, wrapLabel } from './svg.js';

export interface MapOptions {
  title: string;
  /** Unit word after each count ("centres sociaux"). */
  unit: string;
  lang?: 'fr' | 'en';
  width?: number;
  /** "dont {n} répondants": printed under a territory whose respondents differ from its structures. */
  respondentsLabel?: string;
  /** Total line ("NOMBRE TOTAL"), shown when given. */
  totalLabel?: string;
}

/**
 * Without boundaries: one bubble per territory, area proportional to its count, with its name
 * and count, laid out on a grid, plus the total — like the printed observatories' "carte des centres".
 */
export function schematicMapSvg(territories: readonly TerritoryCount[], options: MapOptions): string {
  const lang = options.lang ?? 'fr';
  const width = options.width ?? 640;
  const n = Math.max(1, territories.length);
  const columns = n <= 4 ? n : Math.ceil(Math.sqrt(n * 1.5));
  const rows = Math.ceil(n / columns);
  const cell = width / columns;
  const maxRadius = Math.min(cell / 2 - 10, 70);
  const cellHeight = maxRadius * 2 + (options.respondentsLabel ? 84 : 70);
  const top = 44;
  const totalHeight = options.totalLabel ? 56 : 0;
  const height = top + rows * cellHeight + totalHeight + 10;
  const max = Math.max(1, ...territories.map((t) => t.structures));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height.toFixed(0)}" viewBox="0 0 ${width} ${height.toFixed(0)}" font-family="${MAP_FONT}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="bold" fill="${MAP_COLORS.ink}">${escapeXml(options.title)}</text>`,
  ];
  territories.forEach((t, i) => {
    const cx = (i % columns) * cell + cell / 2;
    const cy = top + Math.floor(i / columns) * cellHeight + maxRadius + 4;
    const r = Math.max(8, maxRadius * Math.sqrt(t.structures / max));
    const fill = t.highlighted ? MAP_COLORS.accent : MAP_COLORS.bubble;
    parts.push(
      `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="0.88"/>`,
    );
    const count = formatNumber(t.structures, lang, 0);
    if (r >= 16) {
      parts.push(
        `<text x="${cx.toFixed(1)}" y="${(cy + 6).toFixed(1)}" text-anchor="middle" font-size="${Math.min(22, r * 0.7).toFixed(0)}" font-weight="bold" fill="#ffffff">${count}</text>`,
      );
    }
    const labelY = cy + maxRadius + 22;
    const lines = wrapLabel(t.label.toLocaleUpperCase('fr-FR'), Math.max(12, Math.floor(cell / 8)));
    parts.push(
      textLines(
        lines,
        cx,
        labelY,
        `text-anchor="middle" font-size="11" font-weight="bold" fill="${MAP_COLORS.ink}"`,
        13,
      ),
    );
    parts.push(
      `<text x="${cx.toFixed(1)}" y="${(labelY + lines.length * 13 + 2).toFixed(1)}" text-anchor="middle" font-size="11" fill="${MAP_COLORS.muted}">${count} ${escapeXml(options.unit)}</text>`,
    );
    if (options.respondentsLabel && t.respondents !== t.structures) {
      parts.push(
        `<text x="${cx.toFixed(1)}" y="${(labelY + lines.length * 13 + 16).toFixed(1)}" text-anchor="middle" font-size="10" fill="${MAP_COLORS.muted}">${escapeXml(options.respondentsLabel.replace('{n}', formatNumber(t.respondents, lang, 0)))}</text>`,
      );
    }
  });
  if (options.totalLabel) {
    const total = territories.reduce((s, t) => s + t.structures, 0);
    const y = top + rows * cellHeight + 16;
    parts.push(
      `<rect x="${width / 2 - 150}" y="${y}" width="300" height="40" rx="6" fill="${MAP_COLORS.land}"/>`,
    );
    parts.push(
      `<text x="${width / 2}" y="${y + 26}" text-anchor="middle" font-size="14" fill="${MAP_COLORS.ink}"><tspan font-weight="bold">${escapeXml(options.totalLabel)}</tspan> ${formatNumber(total, lang, 0)} ${escapeXml(options.unit)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
