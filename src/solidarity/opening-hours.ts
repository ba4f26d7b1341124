/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax — the format both national standards
 * use (`horaires` of the "lieux de médiation numérique" schema, `horaires_accueil` of
 * data·inclusion). Pure: parse, validate, describe in French, tell whether a place is open at an
 * instant, and merge the hours of several services into the hours of their place.
 *
 * Supported subset (what directories of social centres use): rules separated by `;`, each rule a
 * weekday selector (`Mo-Fr`, `Mo,We`, `Sa`) followed by time spans (`09:00-12:00,14:00-17:00`) or
 * `off`/`closed`; `24/7`; `PH off` (public holidays closed, accepted and kept). A later rule
 * replaces the hours of the days it names, as in OSM. Anything else (months, week numbers,
 * sunrise…) is refused with the position of what is not understood, never silently dropped.
 */

export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Minutes since midnight, [start, end), end ≤ 1440. */
export interface Span {
  start: number;
  end: number;
}

/** Index 0 = Monday … 6 = Sunday; each day's spans sorted, not overlapping. */
export interface WeekSchedule {
  days: Span[][];
  /** `PH off` was given. */
  holidaysClosed: boolean;
}

export interface OpeningHoursProblem {
  /** 1-based character position in the text. */
  position: number;
  /** What was found there. */
  found: string;
  /** What is expected, in French. */
  expected: string;
}

export type ParseResult = { ok: true; schedule: WeekSchedule } | { ok: false; problem: OpeningHoursProblem };

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function emptyWeek(): Span[][] {
  return WEEKDAYS.map(() => []);
}

function minutes(text: string): number | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value > 1440 ? undefined : value;
}

export function normaliseSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Parses `text`; a problem names the position and what was expected there. */
export function parseOpeningHours(text: string): ParseResult {
  const days = emptyWeek();
  let holidaysClosed = false;
  const trimmed = text.trim();
  if (!trimmed) {
    return {
      ok: false,
      problem: { position: 1, found: '', expected: 'des horaires (ex. « Mo-Fr 09:00-12:00 »)' },
    };
  }
  if (trimmed === '24/7') {
    return { ok: true, schedule: { days: days.map(() => [{ start: 0, end: 1440 }]), holidaysClosed } };
  }
  let offset = text.indexOf(trimmed);
  for (const rawRule of trimmed.split(';')) {
    const lead = rawRule.length - rawRule.trimStart().length;
    const rule = rawRule.trim();
    const position = offset + lead + 1;
    offset += rawRule.length + 1;
    const fail = (at: number, found: string, expected: string): ParseResult => ({
      ok: false,
      problem: { position: at, found, expected },
    });
    if (!rule) return fail(position, ';', 'une règle entre deux « ; »');
    if (rule === 'PH off' || rule === 'PH closed') {
      holidaysClosed = true;
      continue;
    }
    const [selector, ...rest] = rule.split(/\s+/);
    const timesText = rest.join(' ');
    let selected: number[];
    if (/^\d/.test(selector!)) {
      // No weekday selector: every day.
      selected = [0, 1, 2, 3, 4, 5, 6];
      if (timesText) return fail(position + selector!.length + 1, timesText, 'la fin de la règle');
    } else {
      selected = [];
      for (const part of selector!.split(',')) {
        const range = part.split('-');
        const from = WEEKDAYS.indexOf(range[0] as Weekday);
        const to = range.length === 2 ? WEEKDAYS.indexOf(range[1] as Weekday) : from;
        if (range.length > 2 || from < 0 || to < 0) {
          return fail(position, part, 'un jour (Mo, Tu, We, Th, Fr, Sa, Su) ou une plage de jours (Mo-Fr)');
        }
        for (let d = from; ; d = (d + 1) % 7) {
          selected.push(d);
          if (d === to) break;
        }
      }
    }
    const spanText = /^\d/.test(selector!) ? selector! : timesText;
    const spanPosition = /^\d/.test(selector!) ? position : position + selector!.length + 1;
    if (spanText === 'off' || spanText === 'closed') {
      for (const d of selected) days[d] = [];
      continue;
    }
    if (!spanText) return fail(spanPosition, '', 'des heures (ex. « 09:00-12:00 ») ou « off »');
    const spans: Span[] = [];
    for (const part of spanText.split(',')) {
      const [a, b, extra] = part.trim().split('-');
      const start = a === undefined ? undefined : minutes(a);
      const end = b === undefined ? undefined : minutes(b);
      if (extra !== undefined || start === undefined || end === undefined || start === 1440) {
        return fail(spanPosition, part, 'une plage horaire HH:MM-HH:MM (ex. « 09:00-12:00 »)');
      }
      if (end <= start) {
        return fail(spanPosition, part, 'une heure de fin après l’heure de début');
      }
      spans.push({ start, end });
    }
    const normalised = normaliseSpans(spans);
    for (const d of new Set(selected)) days[d] = normalised.map((s) => ({ ...s }));
  }
  return { ok: true, schedule: { days, holidaysClosed } };
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
const sameSpans = (a: Span[], b: Span[]) =>
  a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end);

/** Groups of days sharing the same hours, in week order of their first day. */
function groups(schedule: WeekSchedule): { days: number[]; spans: Span[] }[] {
  const out: { days: number[]; spans: Span[] }[] = [];
  schedule.days.forEach((spans, day) => {
    if (spans.length === 0) return;
    const group = out.find((g) => sameSpans(g.spans, spans));
    if (group) group.days.push(day);
    else out.push({ days: [day], spans });
  });
  return out;
}

/** Consecutive runs of day indexes: [[0,1,2,3,4]], [[0],[2]]. */
function runs(days: number[]): number[][] {
  const out: number[][] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === d - 1) last.push(d);
    else out.push([d]);
  }
  return out;
}

/** Canonical OSM text: `Mo,We 10:00-12:00`, `Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00`. */
export function formatOpeningHours(schedule: WeekSchedule): string {
  const all = schedule.days.every((s) => s.length === 1 && s[0]!.start === 0 && s[0]!.end === 1440);
  if (all && !schedule.holidaysClosed) return '24/7';
  const rules = groups(schedule).map((g) => {
    const selector = runs(g.days)
      .map((r) =>
        r.length >= 3
          ? `${WEEKDAYS[r[0]!]}-${WEEKDAYS[r[r.length - 1]!]}`
          : r.map((d) => WEEKDAYS[d]).join(','),
      )
      .join(',');
    return `${selector} ${g.spans.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`).join(',')}`;
  });
  if (schedule.holidaysClosed) rules.push('PH off');
  return rules.join('; ');
}

const heureFr = (m: number) => {
  const h = Math.floor(m / 60);
  const min = m % 60;
  return min === 0 ? `${h} h` : `${h} h ${pad(min)}`;
};

function daysFr(days: number[]): string {
  const parts = runs(days).flatMap((r) =>
    r.length >= 3 ? [`du ${DAY_FR[r[0]!]} au ${DAY_FR[r[r.length - 1]!]}`] : r.map((d) => DAY_FR[d]!),
  );
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/** The hours in French: « lundi et mercredi, 10 h – 12 h ». */
export function describeOpeningHoursFr(schedule: WeekSchedule): string {
  const gs = groups(schedule);
  if (gs.length === 0) return 'fermé';
  const text = gs
    .map(
      (g) =>
        `${daysFr(g.days)}, ${g.spans.map((s) => `${heureFr(s.start)} – ${heureFr(s.end)}`).join(' et ')}`,
    )
    .join(' ; ');
  return schedule.holidaysClosed ? `${text} ; fermé les jours fériés` : text;
}

/** Union of several schedules (a place is open when one of its services is). */
export function mergeSchedules(schedules: WeekSchedule[]): WeekSchedule {
  const days = emptyWeek().map((_, d) => normaliseSpans(schedules.flatMap((s) => s.days[d] ?? [])));
  return { days, holidaysClosed: schedules.length > 0 && schedules.every((s) => s.holidaysClosed) };
}

/** Weekday index (Mo = 0) and minutes of `instant` in a time zone (default Europe/Paris). */
export function localTime(instant: Date, timeZone = 'Europe/Paris'): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Open at `instant` (public holidays are not known here: `PH off` is not applied). */
export function isOpenAt(schedule: WeekSchedule, instant: Date, timeZone = 'Europe/Paris'): boolean {
  const { day, minutes: m } = localTime(instant, timeZone);
  return (schedule.days[day] ?? []).some((s) => s.start <= m && m < s.end);
}
