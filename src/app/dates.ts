import { z } from 'zod';

const TIME_ZONE = 'Europe/Paris';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset of Europe/Paris from UTC at a given instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The UTC instant of a Paris wall-clock time (handles the DST switch by re-checking the offset). */
export function parisWallClockToUtc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = new Date(naive - parisOffsetMinutes(new Date(naive)) * 60000);
  guess = new Date(naive - parisOffsetMinutes(guess) * 60000);
  return guess;
}

/**
 * A campaign date: an ISO instant, or a Paris calendar day "YYYY-MM-DD" meaning the start of that
 * day (opening) or its very end (closing), so "closes on the 15th" includes the whole 15th.
 */
export function parseCampaignDate(value: string, edge: 'start' | 'end'): Date | undefined {
  const day = DAY.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
    return edge === 'start'
      ? parisWallClockToUtc(y, m, d)
      : new Date(parisWallClockToUtc(y, m, d + 1).getTime() - 1);
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export const campaignDateInput = z
  .string()
  .min(1)
  .refine((v) => parseCampaignDate(v, 'start') !== undefined, {
    message: 'date invalide : attendu AAAA-MM-JJ ou un instant ISO 8601',
    params: { problem: 'date' },
  });

export { formatParis } from '../report/format.js';
