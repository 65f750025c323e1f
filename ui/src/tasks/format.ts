// How a task's due, priority, repeat rule and reminder read on screen: short, in the person's time zone, with the
// everyday words ("today", "tomorrow", "every Monday") where they apply.

import type { Priority } from '../graphql/generated/graphql';
import { i18n } from '../i18n';
import { dayKey, safeZone } from '../lib/dates';
import { parseRepeat, WEEKDAY_CODES, type WeekdayCode } from './recurrence';

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

/** The language dates and words are written in when the caller names none: the UI's. */
function current(locale: string | undefined): string {
  return locale ?? i18n.language ?? 'en';
}

/**
 * A calendar day as people say it, relative to `today`: "today", "tomorrow", "yesterday" (in the locale's words), the
 * weekday for the rest of the coming week ("Friday"), otherwise a short date ("Sun, Nov 22"; with the year when it is
 * not this year's).
 */
export function dayWords(day: string, today: string, locale?: string): string {
  const diff = daysBetween(today, day);
  if (Number.isNaN(diff)) return day;
  const lang = current(locale);
  if (Math.abs(diff) <= 1) return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(diff, 'day');
  const utc = new Date(dayToUtc(day)!);
  if (diff > 1 && diff < 7) {
    return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(utc);
  }
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(utc);
}

/** A calendar day as a heading of the task list: "Friday 27 November" in the locale's order. */
export function longDay(day: string, locale?: string): string {
  const utc = dayToUtc(day);
  if (utc === null) return day;
  return new Intl.DateTimeFormat(current(locale), { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(utc),
  );
}

/** The clock time of an instant in a zone, e.g. "5:00 PM" (en-US) or "17:00" (en-GB, fr). */
export function timeOfDay(instant: string, timeZone: string | undefined, locale?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(current(locale), { hour: 'numeric', minute: '2-digit', timeZone: safeZone(timeZone) }).format(date);
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
  const isToday = day === today;
  if (!due.dueAt) return options.omitToday && isToday ? null : words;
  const time = timeOfDay(due.dueAt, timeZone, options.locale);
  if (options.omitToday && isToday) return time;
  return `${words} ${time}`;
}

/** The moment a reminder goes off: "today 4:45 PM", "tomorrow 9:00 AM". */
export function reminderWords(remindAt: string, today: string, timeZone: string | undefined, locale?: string): string {
  return `${dayWords(dayOf(remindAt, timeZone), today, locale)} ${timeOfDay(remindAt, timeZone, locale)}`;
}

export function priorityWords(priority: Priority | null | undefined): string | null {
  return priority ? i18n.t(`priority.${priority}`) : null;
}

// ---------- repeat rules ----------

/** The weekday's name in the locale, e.g. weekdayName('FR') = "Friday" (2024-01-01 was a Monday). */
export function weekdayName(code: WeekdayCode, locale?: string, width: 'long' | 'short' = 'long'): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAY_CODES.indexOf(code)));
  return new Intl.DateTimeFormat(current(locale), { weekday: width, timeZone: 'UTC' }).format(date);
}

function unitWords(unit: 'day' | 'week' | 'month' | 'year', interval: number): string {
  return interval === 2 ? i18n.t(`repeat.other.${unit}`) : i18n.t(`repeat.every.${unit}`, { count: interval });
}

/**
 * An RRULE in words when it is one of the simple shapes the capture grammar and the repeat editor write ("every
 * Monday", "every weekday", "every month on the 15th", "every last Friday of the month", "every year on June 2");
 * otherwise the rule as it is.
 */
export function repeatWords(rrule: string | null | undefined, locale?: string): string | null {
  if (!rrule) return null;
  const repeat = parseRepeat(rrule);
  if (!repeat) return rrule.replace(/^RRULE:/i, '').trim();
  const lang = current(locale);
  const { interval } = repeat;
  switch (repeat.freq) {
    case 'DAILY':
      return unitWords('day', interval);
    case 'WEEKLY': {
      if (repeat.days.length === 0) return unitWords('week', interval);
      if (interval === 1 && repeat.days.join(',') === 'MO,TU,WE,TH,FR') return i18n.t('repeat.weekdays');
      const days = new Intl.ListFormat(lang, { type: 'conjunction' }).format(repeat.days.map((d) => weekdayName(d, lang)));
      if (interval === 1) return i18n.t('repeat.onDays', { days });
      if (interval === 2) return i18n.t('repeat.otherOnDays', { days });
      return i18n.t('repeat.weeksOnDays', { count: interval, days });
    }
    case 'MONTHLY': {
      const every = unitWords('month', interval);
      const on = repeat.on;
      if (on.kind === 'due') return every;
      if (on.kind === 'day') {
        if (on.day === -1) return i18n.t('repeat.onLastDay', { every });
        return i18n.t('repeat.onDay', { every, day: i18n.t('repeat.ordinal', { count: on.day, ordinal: true }) });
      }
      const nth = i18n.t(`repeat.nth.${on.nth === -1 ? 'last' : on.nth}`);
      const day = weekdayName(on.day, lang);
      return interval === 1 ? i18n.t('repeat.nthOfMonth', { nth, day }) : i18n.t('repeat.onNth', { every, nth, day });
    }
    case 'YEARLY': {
      const every = unitWords('year', interval);
      if (!repeat.on) return every;
      const date = new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, repeat.on.month - 1, repeat.on.day)),
      );
      return i18n.t('repeat.onDate', { every, date });
    }
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
