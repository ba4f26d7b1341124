/** French (and English) number wording for coherence messages: 1 234 567,5 €, +12,5 %. */

const NBSP = '\u00a0';

export type MessageLang = 'fr' | 'en';

export function formatNumber(value: number, lang: MessageLang): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '—';
  return value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });
}

export function formatAmount(value: number, unit: string | undefined, lang: MessageLang): string {
  const n = formatNumber(value, lang);
  return unit ? `${n}${NBSP}${unit}` : n;
}

export function formatPercent(value: number, lang: MessageLang, signed = false): string {
  const sign = signed && value > 0 ? '+' : '';
  const n = formatNumber(value, lang);
  return lang === 'fr' ? `${sign}${n}${NBSP}%` : `${sign}${n}%`;
}

export function quote(text: string, lang: MessageLang): string {
  return lang === 'fr' ? `«${NBSP}${text}${NBSP}»` : `"${text}"`;
}
