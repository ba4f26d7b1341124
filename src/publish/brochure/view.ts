import { formatLongDate, formatNumber } from '../../report/format.js';
import type { Figure } from '../indicators/figure.js';
import { formatValue, formatWithUnit, unitSymbol } from '../indicators/wording.js';
import { territoryMapSvg } from '../map/index.js';
import type { BrochureModel } from './model.js';
import { levelLabel } from './names.js';

/** One key-figure tile, format-independent. */
export interface Tile {
  id: string;
  /** The big number ("842 307 €") or, for a most-frequent answer, its label. */
  big: string;
  /** True when `big` is a phrase rather than a number (smaller type). */
  wordy: boolean;
  caption: string;
  /** Trend line: "2019 : 840 000 € · stable". */
  trend?: string;
  suppressed?: string;
}

function trendLine(figure: Figure, lang: 'fr' | 'en'): string | undefined {
  if (!figure.previous?.length) return undefined;
  const past = figure.previous
    .map(
      (p) =>
        `${p.label}${lang === 'fr' ? '\u00a0:' : ':'} ${typeof p.value === 'number' ? formatWithUnit({ ...figure, value: p.value }, lang) : p.value === null ? 's' : String(p.value)}`,
    )
    .join(' · ');
  if (!figure.change) return past;
  const sign = figure.change.value > 0 ? '+' : figure.change.value < 0 ? '−' : '';
  const amount = `${sign}${formatNumber(Math.abs(figure.change.value), lang, 1)}${figure.unit === '%' ? (lang === 'fr' ? '\u00a0pt' : ' pt') : lang === 'fr' ? '\u00a0%' : '%'}`;
  return `${past} · ${figure.change.wording} (${amount})`;
}

function networkLine(figure: Figure, lang: 'fr' | 'en'): string | undefined {
  if (figure.network === undefined || figure.network === null) return undefined;
  const value =
    typeof figure.network === 'number'
      ? formatWithUnit({ ...figure, value: figure.network }, lang)
      : figure.kind === 'mode' || figure.kind === 'top'
        ? undefined
        : String(figure.network);
  if (value === undefined) return undefined;
  return `${lang === 'fr' ? 'Ensemble du réseau\u00a0:' : 'Whole network:'} ${value}`;
}

export function tileOf(figure: Figure, lang: 'fr' | 'en'): Tile {
  if (figure.suppressed) {
    return {
      id: figure.id,
      big: 's',
      wordy: false,
      caption: figure.label,
      suppressed:
        lang === 'fr'
          ? `Secret statistique : ${figure.suppressed.reason}`
          : `Confidential: ${figure.suppressed.reason}`,
    };
  }
  const wordy = typeof figure.value !== 'number';
  const trend = [networkLine(figure, lang), trendLine(figure, lang)].filter(Boolean).join(' · ') || undefined;
  const extra = trend ? { trend } : {};
  if (figure.value === null)
    return { id: figure.id, big: '—', wordy: false, caption: figure.label, ...extra };
  if (wordy) return { id: figure.id, big: formatValue(figure, lang), wordy, caption: figure.label, ...extra };
  // Wording that opens with the value ("842 307 € de budget moyen") is split as the printed
  // brochures do: the number (and a € or % sign) big, the rest of the sentence under it.
  const value = formatValue(figure, lang);
  const text = figure.text ?? '';
  if (text.startsWith(value)) {
    const sign = /^[\s\u00a0]*(€|%)/.exec(text.slice(value.length));
    const big = sign ? `${value}\u00a0${sign[1]}` : value;
    const rest = text
      .slice(value.length + (sign ? sign[0].length : 0))
      .replace(/^[\s\u00a0:,–—-]+/, '')
      .trim();
    if (rest) return { id: figure.id, big, wordy, caption: rest, ...extra };
  }
  const unit = unitSymbol(figure.unit);
  const big = unit.length <= 4 ? formatWithUnit(figure, lang) : value;
  return {
    id: figure.id,
    big,
    wordy,
    caption: figure.text ?? (big === value && unit ? `${unit} — ${figure.label}` : figure.label),
    ...extra,
  };
}

export function mapTitle(model: BrochureModel): string {
  const where = model.territory ? ` — ${model.scopeLabel}` : '';
  return model.lang === 'fr' ? `Carte des ${model.map.unit}${where}` : `Map of ${model.map.unit}${where}`;
}

export function brochureMapSvg(model: BrochureModel): string | undefined {
  if (model.map.territories.length === 0) return undefined;
  return territoryMapSvg(model.map.territories, {
    title: mapTitle(model),
    unit: model.map.unit,
    lang: model.lang,
    totalLabel: model.lang === 'fr' ? 'NOMBRE TOTAL' : 'TOTAL',
    respondentsLabel: model.lang === 'fr' ? 'dont {n} répondants' : 'of which {n} answered',
    ...(model.map.boundaries ? { boundaries: model.map.boundaries } : {}),
    ...(model.map.property ? { property: model.map.property } : {}),
  });
}

export function coverLines(model: BrochureModel): { kicker: string; title: string; subtitle: string } {
  const fr = model.lang === 'fr';
  const scope = model.scopeLabel;
  return {
    kicker: model.publisher ?? 'Panorama',
    title: model.title,
    subtitle: [
      model.subtitle,
      scope,
      model.audience === 'admin'
        ? fr
          ? 'VERSION ADMINISTRATEUR — ne pas diffuser'
          : 'ADMINISTRATOR VERSION — do not distribute'
        : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

export function colophon(model: BrochureModel): string {
  const fr = model.lang === 'fr';
  // The model keeps the ISO day (JSON contract); people read "4 décembre 2026".
  const day = formatLongDate(model.generatedAt, model.lang);
  return fr
    ? `${formatNumber(model.responses, 'fr', 0)} réponses · document produit le ${day} avec Panorama`
    : `${formatNumber(model.responses, 'en', 0)} responses · produced on ${day} with Panorama`;
}

/** Participation by territory under the map: structures, respondents and rate (not confidential). */
export function participationRows(model: BrochureModel): { head: string[]; rows: string[][] } {
  const fr = model.lang === 'fr';
  const rate = (a: number, b: number) =>
    b > 0 ? `${formatNumber((a / b) * 100, model.lang, 0)}${fr ? '\u00a0%' : '%'}` : '';
  const rows = model.map.territories.map((t) => [
    t.label,
    formatNumber(t.structures, model.lang, 0),
    formatNumber(t.respondents, model.lang, 0),
    rate(t.respondents, t.structures),
  ]);
  const total = model.map.territories.reduce(
    (acc, t) => [acc[0]! + t.structures, acc[1]! + t.respondents],
    [0, 0],
  );
  rows.push([
    fr ? 'Total' : 'Total',
    formatNumber(total[0], model.lang, 0),
    formatNumber(total[1], model.lang, 0),
    rate(total[1]!, total[0]!),
  ]);
  const unit = model.map.unit.charAt(0).toUpperCase() + model.map.unit.slice(1);
  return {
    head: [
      levelLabel(model.map.attribute, model.lang),
      unit,
      fr ? 'Répondants' : 'Respondents',
      fr ? 'Taux de réponse' : 'Response rate',
    ],
    rows,
  };
}
