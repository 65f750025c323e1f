// Dates as the person lives them: in their own time zone (from their profile), not the browser's, written in the UI's
// language.

import { i18n } from '../i18n';

/** `timeZone` when the browser knows it, otherwise undefined (the browser's own zone). */
export function safeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** All IANA zones the browser knows, for the sign-up suggestions; empty where unsupported. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  } catch {
    return [];
  }
}

/** The hour (0–23) at `date` in `timeZone`. */
export function hourIn(date: Date, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    hourCycle: 'h23',
    timeZone: safeZone(timeZone),
  }).formatToParts(date);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '12');
  return hour === 24 ? 0 : hour;
}

export function greeting(date: Date, timeZone: string | undefined): string {
  const hour = hourIn(date, timeZone);
  if (hour >= 5 && hour < 12) return i18n.t('greeting.morning');
  if (hour >= 12 && hour < 18) return i18n.t('greeting.afternoon');
  if (hour >= 18 && hour < 23) return i18n.t('greeting.evening');
  return i18n.t('greeting.night');
}

/** e.g. "Tuesday, November 25" (en-US) or "Tuesday 25 November" (en-GB). */
export function formatLongDate(date: Date, timeZone: string | undefined, locale?: string): string {
  return new Intl.DateTimeFormat(locale ?? i18n.language, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: safeZone(timeZone),
  }).format(date);
}

/** The calendar day (YYYY-MM-DD) at `date` in `timeZone`: lets the Today page notice midnight. */
export function dayKey(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: safeZone(timeZone),
  }).format(date);
}

/** An instant as a short date and time in `timeZone`, e.g. "Nov 25, 2026, 5:04 PM". */
export function formatDateTime(iso: string, timeZone: string | undefined, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale ?? i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone(timeZone) }).format(
    date,
  );
}
