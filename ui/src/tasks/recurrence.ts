// Repeat rules (RFC 5545 RRULE values) as the app reads and writes them: the shapes the capture grammar writes and the
// repeat editor offers. Anything else is kept as it is and shown raw.

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** Which week of the month: 1 to 4, or -1 for the last. */
export type Nth = 1 | 2 | 3 | 4 | -1;

export type Repeat =
  | { freq: 'DAILY'; interval: number }
  /** `days` empty: every week on the due's weekday. */
  | { freq: 'WEEKLY'; interval: number; days: WeekdayCode[] }
  | { freq: 'MONTHLY'; interval: number; on: { kind: 'due' } | { kind: 'day'; day: number } | { kind: 'weekday'; nth: Nth; day: WeekdayCode } }
  | { freq: 'YEARLY'; interval: number; on: { month: number; day: number } | null };

const NTHS: readonly number[] = [1, 2, 3, 4, -1];

/** The rule as a {@link Repeat}, or null when it is not one of the simple shapes (or not a rule at all). */
export function parseRepeat(rrule: string | null | undefined): Repeat | null {
  if (!rrule) return null;
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').trim().toUpperCase().split(';')) {
    if (!part) continue;
    const [key, value] = part.split('=');
    if (!key || value === undefined || parts.has(key)) return null;
    parts.set(key, value);
  }
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);
  if ([...parts.keys()].some((key) => !known.has(key))) return null;
  const intervalText = parts.get('INTERVAL') ?? '1';
  if (!/^\d+$/.test(intervalText) || Number(intervalText) < 1) return null;
  const interval = Number(intervalText);
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  const byMonth = parts.get('BYMONTH');

  switch (parts.get('FREQ')) {
    case 'DAILY':
      return byDay || byMonthDay || byMonth ? null : { freq: 'DAILY', interval };
    case 'WEEKLY': {
      if (byMonthDay || byMonth) return null;
      const days = byDay ? byDay.split(',') : [];
      if (days.some((d) => !(WEEKDAY_CODES as readonly string[]).includes(d)) || new Set(days).size !== days.length) return null;
      const sorted = (days as WeekdayCode[]).sort((a, b) => WEEKDAY_CODES.indexOf(a) - WEEKDAY_CODES.indexOf(b));
      return { freq: 'WEEKLY', interval, days: sorted };
    }
    case 'MONTHLY': {
      if (byMonth || (byDay && byMonthDay)) return null;
      if (byMonthDay) {
        if (!/^-?\d{1,2}$/.test(byMonthDay)) return null;
        const day = Number(byMonthDay);
        if (day !== -1 && (day < 1 || day > 31)) return null;
        return { freq: 'MONTHLY', interval, on: { kind: 'day', day } };
      }
      if (byDay) {
        const m = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
        const nth = m ? Number(m[1]) : NaN;
        if (!m || !NTHS.includes(nth)) return null;
        return { freq: 'MONTHLY', interval, on: { kind: 'weekday', nth: nth as Nth, day: m[2] as WeekdayCode } };
      }
      return { freq: 'MONTHLY', interval, on: { kind: 'due' } };
    }
    case 'YEARLY': {
      if (byDay) return null;
      if (!byMonth && !byMonthDay) return { freq: 'YEARLY', interval, on: null };
      if (!byMonth || !byMonthDay || !/^\d{1,2}$/.test(byMonth) || !/^\d{1,2}$/.test(byMonthDay)) return null;
      const month = Number(byMonth);
      const day = Number(byMonthDay);
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
      return { freq: 'YEARLY', interval, on: { month, day } };
    }
    default:
      return null;
  }
}

/** The RRULE value of a {@link Repeat}, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH. */
export function toRRule(repeat: Repeat): string {
  const parts = [`FREQ=${repeat.freq}`];
  if (repeat.interval > 1) parts.push(`INTERVAL=${repeat.interval}`);
  switch (repeat.freq) {
    case 'WEEKLY':
      if (repeat.days.length > 0) parts.push(`BYDAY=${repeat.days.join(',')}`);
      break;
    case 'MONTHLY':
      if (repeat.on.kind === 'day') parts.push(`BYMONTHDAY=${repeat.on.day}`);
      if (repeat.on.kind === 'weekday') parts.push(`BYDAY=${repeat.on.nth}${repeat.on.day}`);
      break;
    case 'YEARLY':
      if (repeat.on) parts.push(`BYMONTH=${repeat.on.month}`, `BYMONTHDAY=${repeat.on.day}`);
      break;
    case 'DAILY':
      break;
  }
  return parts.join(';');
}
