import { formatNumber, formatPercent } from '../report/format.js';
import type { FrequencyRow } from '../report/model.js';
import type { Choice } from '../survey/model.js';
import type { ReportContext } from './context.js';
import { limesurveyPercent, roundDecimalHalfUp } from './profile.js';

/**
 * LimeSurvey's "aggregated data" for 5-point scales (question type 5) and arrays of 5-point
 * choices (type A), shown by default (`showaggregateddata`): each item's percentage over the
 * answered responses only (neither "no answer" nor "not completed"), the shares 1+2, 3 and 4+5,
 * the arithmetic mean rounded to 2 decimals and a standard deviation computed around that rounded
 * mean with an n − 1 divisor, rounded too (statistics_helper.php, displayResults).
 */
export interface FivePointSummary {
  answered: number;
  /** Percentages over the answered responses of 1+2, 3 and 4+5. */
  low: number | null;
  middle: number | null;
  high: number | null;
  mean: number;
  sd: number;
}

/** Whether the choices are exactly the scale 1, 2, 3, 4, 5 (as numbers or their texts). */
export function isFivePointScale(choices: readonly Choice[]): boolean {
  return choices.length === 5 && choices.every((c, i) => String(c.value) === String(i + 1));
}

/** The summary of the counts of the items 1…5, in scale order. */
export function fivePointSummary(counts: readonly number[]): FivePointSummary {
  const answered = counts.reduce((a, b) => a + b, 0);
  const pct = (n: number) => limesurveyPercent(n, answered);
  let mean = 0;
  let sd = 0;
  if (answered > 0) {
    let weighted = 0;
    counts.forEach((c, i) => (weighted += (i + 1) * c));
    mean = roundDecimalHalfUp(weighted / answered, 2);
    let squares = 0;
    counts.forEach((c, i) => {
      const d = i + 1 - mean;
      if (d !== 0 && c !== 0) squares += d * d * c;
    });
    sd = answered - 1 !== 0 && squares !== 0 ? roundDecimalHalfUp(Math.sqrt(squares / (answered - 1)), 2) : 0;
  }
  return {
    answered,
    low: pct(counts[0]! + counts[1]!),
    middle: pct(counts[2]!),
    high: pct(counts[3]! + counts[4]!),
    mean,
    sd,
  };
}

/** Sets `answeredPercent` on the item rows (the choices, in whatever order they are listed). */
export function markAnsweredPercents(rows: FrequencyRow[], summary: FivePointSummary): void {
  for (const row of rows) {
    if (row.rowKind === 'choice') row.answeredPercent = limesurveyPercent(row.count, summary.answered);
  }
}

/** The summary as a footnote, in the report language ("Sur les réponses exprimées (n = 12) : …"). */
export function fivePointNote(summary: FivePointSummary, ctx: ReportContext, label?: string): string {
  const { lang, words } = ctx;
  const fr = lang === 'fr';
  const colon = fr ? '\u00a0:' : ':';
  const sep = fr ? ' ; ' : '; ';
  const parts = [
    `1-2${colon} ${formatPercent(summary.low, lang)}`,
    `3${colon} ${formatPercent(summary.middle, lang)}`,
    `4-5${colon} ${formatPercent(summary.high, lang)}`,
    `${fr ? 'moyenne arithmétique' : 'arithmetic mean'} ${formatNumber(summary.mean, lang)}`,
    `${fr ? 'écart type' : 'standard deviation'} ${formatNumber(summary.sd, lang)}`,
  ];
  const head = `${label ? `${label} — ` : ''}${words.answeredOnly} (n = ${summary.answered})${colon}`;
  return `${head} ${parts.join(sep)}.`;
}
