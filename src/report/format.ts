import type { ReportLang } from './model.js';

const LOCALES: Record<ReportLang, string> = { fr: 'fr-FR', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: ReportLang, decimals: number, exact: boolean): Intl.NumberFormat {
  const key = `${lang}:${decimals}:${exact}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: exact ? decimals : 0,
      maximumFractionDigits: decimals,
    });
    cache.set(key, f);
  }
  return f;
}

/** French thousands use a narrow no-break space in Intl; reports use a plain no-break space. */
function normaliseSpaces(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

/** 65951 → "65 951" (fr) / "65,951" (en); up to `decimals` decimals, trailing zeros dropped. */
export function formatNumber(value: number | null | undefined, lang: ReportLang, decimals = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return normaliseSpaces(formatter(lang, decimals, false).format(value));
}

/** 45.05 → "45,05 %" (fr) / "45.05%" (en), always 2 decimals. */
export function formatPercent(value: number | null | undefined, lang: ReportLang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const text = normaliseSpaces(formatter(lang, 2, true).format(value));
  return lang === 'fr' ? `${text}\u00a0%` : `${text}%`;
}

/** Rounds half away from zero to `decimals` places, robust to binary representation (1.005 → 1.01). */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  const shifted = Math.abs(value) * factor;
  const rounded = Math.round(Number(shifted.toPrecision(12)));
  return (Math.sign(value) * rounded) / factor || 0;
}

/** count / base × 100 to 2 decimals, null for a zero base. */
export function percentOf(count: number, base: number): number | null {
  return base > 0 ? round((count / base) * 100, 2) : null;
}

/** A number question whose bounds are calendar years (e.g. min 1900, max 2026): printed without grouping. */
export function isYearQuestion(question: { kind: string; min?: number; max?: number }): boolean {
  return (
    question.kind === 'number' &&
    question.min !== undefined &&
    question.max !== undefined &&
    question.min >= 1000 &&
    question.max <= 2999
  );
}

/** 1983 → "1983" (never "1 983"); a median between two years keeps one decimal ("1998,5"). */
export function formatYear(value: number | null | undefined, lang: ReportLang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(LOCALES[lang], { useGrouping: false, maximumFractionDigits: 1 }).format(value);
}

/**
 * "4 décembre 2026" / "4 December 2026" from an ISO date or date-time (read in UTC, so a
 * "2026-12-04" day stays that day); today when absent or unreadable.
 */
export function formatLongDate(iso: string | undefined, lang: ReportLang): string {
  const date = iso ? new Date(iso) : new Date();
  const valid = Number.isNaN(date.getTime()) ? new Date() : date;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(valid);
}

/** "22/11/2026 à 09:30" in Paris time, for French messages. */
export function formatParis(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(date);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' }).format(
    date,
  );
  return `${day} à ${time}`;
}
