import type { Choice } from './model.js';
import { localize } from './localized.js';
import type { ChoiceJson, ElementJson } from './definition-schema.js';

/* A question's choices as the definition lists them (or generates them), read into Choices. */

/** Dropdowns may list numbers from `choicesMin` to `choicesMax` instead of choices. */
export function generatedChoices(element: ElementJson): ChoiceJson[] {
  const min = toNumber(element.choicesMin as number | undefined) ?? 0;
  const max = toNumber(element.choicesMax as number | undefined);
  const step = toNumber(element.choicesStep as number | undefined) ?? 1;
  if (max === undefined || step <= 0) return [];
  const out: number[] = [];
  for (let v = min; v <= max + 1e-9 && out.length < 10_000; v += step) out.push(v);
  return out;
}

export function toChoices(choices: ChoiceJson[], locale: string): Choice[] {
  return choices.map((c) => {
    if (typeof c === 'number') return { value: c, label: String(c) };
    if (typeof c === 'string') {
      // Legacy "value|text" shorthand, which survey-core still reads.
      const bar = c.indexOf('|');
      return bar < 0 ? { value: c, label: c } : { value: c.slice(0, bar), label: c.slice(bar + 1) };
    }
    const labels = typeof c.text === 'object' ? c.text : undefined;
    return { value: c.value, label: localize(c.text, locale) ?? String(c.value), labels };
  });
}

export function ratingScale(element: ElementJson): Choice[] {
  const min = element.rateMin ?? 1;
  const max = element.rateMax ?? 5;
  const step = element.rateStep ?? 1;
  const out: Choice[] = [];
  for (let v = min; v <= max + 1e-9; v += step) out.push({ value: v, label: String(v) });
  return out;
}

export function toNumber(v: number | string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}
