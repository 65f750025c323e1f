// How a task's due, priority, repeat rule and reminder read on screen: short, in the person's time zone, with the
// everyday words ("today", "tomorrow", "every Monday") where they apply.

import { dayKey, safeZone } from '../lib/dates';
import type { Priority } from '../graphql/generated/graphql';

// ---------- calendar days (YYYY-MM-DD), free of any time zone ----------

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayToUtc(day: string): number | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** `day` plus `n` days, e.g. addDays('2026-12-31', 1) = '2027-01-01'. */
export function addDays(day: string, n: number): string {
  const utc = dayToUtc(day);
  if (utc === null) return day;
  return new Date(utc + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = dayToUtc(from);
  const b = dayToUtc(to);
  if (a === null || b === null) return NaN;
  return Math.round((b - a) / 86_400_000);
}

/**
 * A calendar day as people say it, relative to `today`: "today", "tomorrow", "yesterday", the weekday for the rest of
 * the coming week ("Friday"), otherwise a short date ("Sun, Nov 22"; with the year when it is not this year's).
 */
export function dayWords(day: string, today: string, locale?: string): string {
  const diff = daysBetween(today, day);
  if (Number.isNaN(diff)) return day;
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  const utc = new Date(dayToUtc(day)!);
  if (diff > 1 && diff < 7) {
    return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(utc);
  }
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(utc);
}

/** The clock time of an instant in a zone, e.g. "5:00 PM" (en-US) or "17:00" (en-GB). */
export function timeOfDay(instant: string, timeZone: string | undefined, locale?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: safeZone(timeZone) }).format(date);
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function dayOf(instant: string | Date, timeZone: string | undefined): string {
  return dayKey(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
}

export interface Due {
  dueDate: string | null;
  dueAt: string | null;
  allDay?: boolean | null;
}

/**
 * A due as a chip: "today", "tomorrow 5:00 PM", "Friday", "Sun, Nov 22 9:30 AM". `omitToday` leaves out the word
 * "today" where the section already says it (a timed task then reads "5:00 PM"). Null without a due.
 */
export function dueWords(
  due: Due,
  today: string,
  timeZone: string | undefined,
  options: { locale?: string; omitToday?: boolean } = {},
): string | null {
  const day = due.dueDate ?? (due.dueAt ? dayOf(due.dueAt, timeZone) : null);
  if (!day) return null;
  const words = dayWords(day, today, options.locale);
  if (!due.dueAt) return options.omitToday && words === 'today' ? null : words;
  const time = timeOfDay(due.dueAt, timeZone, options.locale);
  if (options.omitToday && words === 'today') return time;
  return `${words} ${time}`;
}

/** The moment a reminder goes off: "today 4:45 PM", "tomorrow 9:00 AM". */
export function reminderWords(remindAt: string, today: string, timeZone: string | undefined, locale?: string): string {
  return `${dayWords(dayOf(remindAt, timeZone), today, locale)} ${timeOfDay(remindAt, timeZone, locale)}`;
}

const PRIORITY_WORDS: Record<Priority, string> = {
  URGENT: 'Urgent',
  HIGH: 'High priority',
  MEDIUM: 'Medium priority',
  LOW: 'Low priority',
};

export function priorityWords(priority: Priority | null | undefined): string | null {
  return priority ? PRIORITY_WORDS[priority] : null;
}

// ---------- repeat rules ----------

const WEEKDAYS: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const WEEKDAY_ORDER = Object.keys(WEEKDAYS);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const NTH: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };
const UNITS: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "every day", "every other week", "every 3 months". */
function everyUnit(unit: string, interval: number): string {
  if (interval === 1) return `every ${unit}`;
  if (interval === 2) return `every other ${unit}`;
  return `every ${interval} ${unit}s`;
}

/**
 * An RRULE in words when it is one of the simple shapes the capture grammar writes ("every Monday", "every weekday",
 * "every month on the 15th", "every last Friday of the month", "every year on June 2"); otherwise the rule as it is.
 */
export function repeatWords(rrule: string | null | undefined): string | null {
  if (!rrule) return null;
  const raw = rrule.replace(/^RRULE:/i, '').trim();
  const parts = new Map<string, string>();
  for (const part of raw.toUpperCase().split(';')) {
    if (!part) continue;
    const [key, value] = part.split('=');
    if (!key || value === undefined || parts.has(key)) return raw;
    parts.set(key, value);
  }
  const freq = parts.get('FREQ');
  const unit = freq ? UNITS[freq] : undefined;
  if (!unit) return raw;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);
  if ([...parts.keys()].some((key) => !known.has(key))) return raw;

  const intervalText = parts.get('INTERVAL') ?? '1';
  if (!/^\d+$/.test(intervalText) || Number(intervalText) < 1) return raw;
  const interval = Number(intervalText);
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  const byMonth = parts.get('BYMONTH');

  switch (freq) {
    case 'DAILY':
      return byDay || byMonthDay || byMonth ? raw : everyUnit('day', interval);
    case 'WEEKLY': {
      if (byMonthDay || byMonth) return raw;
      if (!byDay) return everyUnit('week', interval);
      const days = byDay.split(',');
      if (days.some((d) => !(d in WEEKDAYS)) || new Set(days).size !== days.length) return raw;
      const sorted = [...days].sort((a, b) => WEEKDAY_ORDER.indexOf(a) - WEEKDAY_ORDER.indexOf(b));
      if (interval === 1 && sorted.join(',') === 'MO,TU,WE,TH,FR') return 'every weekday';
      const names = joinWords(sorted.map((d) => WEEKDAYS[d]!));
      if (interval === 1) return `every ${names}`;
      if (interval === 2) return `every other ${names}`;
      return `every ${interval} weeks on ${names}`;
    }
    case 'MONTHLY': {
      if (byMonth) return raw;
      const every = everyUnit('month', interval);
      if (byDay && byMonthDay) return raw;
      if (byMonthDay) {
        if (!/^-?\d{1,2}$/.test(byMonthDay)) return raw;
        const n = Number(byMonthDay);
        if (n === -1) return `${every} on the last day`;
        if (n < 1 || n > 31) return raw;
        return `${every} on the ${ordinal(n)}`;
      }
      if (byDay) {
        const m = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
        const nth = m ? NTH[m[1]!.replace('+', '')] : undefined;
        if (!m || !nth) return raw;
        const day = WEEKDAYS[m[2]!]!;
        return interval === 1 ? `every ${nth} ${day} of the month` : `${every} on the ${nth} ${day}`;
      }
      return every;
    }
    case 'YEARLY': {
      if (byDay) return raw;
      const every = everyUnit('year', interval);
      if (!byMonth && !byMonthDay) return every;
      if (!byMonth || !byMonthDay || !/^\d{1,2}$/.test(byMonth) || !/^\d{1,2}$/.test(byMonthDay)) return raw;
      const month = MONTHS[Number(byMonth) - 1];
      const day = Number(byMonthDay);
      if (!month || day < 1 || day > 31) return raw;
      return `${every} on ${month} ${day}`;
    }
    default:
      return raw;
  }
}

// ---------- wall-clock times in a zone ----------

/** The zone's offset from UTC at `utcMs`, in milliseconds (Paris in winter: +3 600 000). */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant (ISO, UTC) at which the wall clock in `timeZone` shows `day` at `hour`:`minute`. A time skipped by a
 * spring-forward change comes out one gap later, as the capture grammar does.
 */
export function zonedInstant(day: string, hour: number, minute: number, timeZone: string): string {
  const zone = safeZone(timeZone) ?? 'UTC';
  const base = dayToUtc(day) ?? Date.now();
  const wall = base + (hour * 60 + minute) * 60_000;
  let guess = wall - zoneOffsetMs(wall, zone);
  const offset = zoneOffsetMs(guess, zone);
  guess = wall - offset;
  return new Date(guess).toISOString();
}
