/**
 * Typed cells of an export, independent of the output format: each writer (CSV, XLSX, R, SPSS)
 * decides how a number or a date is spelt.
 */
export interface WallClock {
  /** `date`: a calendar day; `datetime`: a day and a time, already in the wall clock to show. */
  kind: 'date' | 'datetime';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type Cell = string | number | WallClock | null;

export function isWallClock(cell: Cell): cell is WallClock {
  return typeof cell === 'object' && cell !== null;
}

const TIME_ZONE = 'Europe/Paris';
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant (ISO text, e.g. a submission time in UTC) as the Paris wall clock at that instant. */
export function parisWallClock(iso: string): WallClock | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const parts = PARIS.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    kind: 'datetime',
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date answer as the respondent typed it: "2024-03-15" (a day) or "2024-03-15T14:30" (a local
 * time, no zone: it is already the wall clock, never shifted). Anything else stays text.
 */
export function answerWallClock(text: string): WallClock | null {
  const day = DAY.exec(text);
  if (day)
    return { kind: 'date', year: +day[1]!, month: +day[2]!, day: +day[3]!, hour: 0, minute: 0, second: 0 };
  const local = LOCAL_TIME.exec(text);
  if (local)
    return {
      kind: 'datetime',
      year: +local[1]!,
      month: +local[2]!,
      day: +local[3]!,
      hour: +local[4]!,
      minute: +local[5]!,
      second: local[6] ? +local[6] : 0,
    };
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "15/03/2024 14:30" (fr) or "2024-03-15 14:30" (en); the day alone for a date. */
export function spellWallClock(w: WallClock, lang: 'fr' | 'en'): string {
  const day = lang === 'fr' ? `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)}` : isoDay(w);
  return w.kind === 'date' ? day : `${day} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** "2024-03-15" or "2024-03-15 14:30:05": what R's as.Date / as.POSIXct and SPSS's SDATE / YMDHMS read. */
export function isoWallClock(w: WallClock): string {
  return w.kind === 'date' ? isoDay(w) : `${isoDay(w)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

function isoDay(w: WallClock): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** For spreadsheets, which have no time zone: a Date whose UTC fields are the wall clock. */
export function wallClockDate(w: WallClock): Date {
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}
