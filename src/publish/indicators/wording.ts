import { formatNumber } from '../../report/format.js';
import type { Figure } from './figure.js';

const UNIT_SYMBOLS: Record<string, string> = { EUR: '€', eur: '€', percent: '%' };

export function unitSymbol(unit: string): string {
  return UNIT_SYMBOLS[unit] ?? unit;
}

/** The bare value: "842 307", "82", a choice label for mode/top figures, "" when absent. */
export function formatValue(
  figure: Pick<Figure, 'value' | 'decimals' | 'valueLabel'>,
  lang: 'fr' | 'en',
): string {
  const v = figure.value;
  if (v === null) return '';
  if (typeof v === 'number') return formatNumber(v, lang, figure.decimals);
  return figure.valueLabel ?? (Array.isArray(v) ? v.join(', ') : v);
}

/** The value with its unit, as printed in a key-figure tile: "842 307 €", "82 %", "18 ETP". */
export function formatWithUnit(
  figure: Pick<Figure, 'value' | 'decimals' | 'valueLabel' | 'unit'>,
  lang: 'fr' | 'en',
): string {
  const text = formatValue(figure, lang);
  if (!text || typeof figure.value !== 'number') return text;
  const unit = unitSymbol(figure.unit);
  if (!unit) return text;
  if (unit === '%' && lang === 'en') return `${text}%`;
  return `${text}\u00a0${unit}`;
}

/**
 * Fills a wording template. {value} is the bare number (the template carries its unit word),
 * {value_unit} the number with its unit, {base}/{numerator} the counts, {label} the figure label,
 * {change} the change wording when trends are known.
 */
export function fillWording(template: string, figure: Figure, lang: 'fr' | 'en'): string {
  return template
    .replace(/\{(value_unit|value|base|numerator|label|change)\}/g, (_, key: string) => {
      switch (key) {
        case 'value':
          return formatValue(figure, lang);
        case 'value_unit':
          return formatWithUnit(figure, lang);
        case 'base':
          return formatNumber(figure.base, lang, 0);
        case 'numerator':
          return figure.numerator === undefined ? '' : formatNumber(figure.numerator, lang, 0);
        case 'label':
          return figure.label;
        default:
          return figure.change ? `(${figure.change.wording})` : '';
      }
    })
    .replace(/[ \t\n]+/g, ' ')
    .replace(/ +([).,])/g, '$1')
    .replace(/\( *\)/g, '')
    .trim();
}
