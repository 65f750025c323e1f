// Snoozing: the choices offered ("for an hour", "this evening", "tomorrow morning", "next week", or a time picked),
// each turned into what snoozeTask takes, in the person's time zone.
import { addDays, zonedInstant } from './format';
import { hourIn } from '../lib/dates';

export type SnoozeChoice = 'hour' | 'evening' | 'morning' | 'nextWeek';

/** When "this evening" and "tomorrow morning" end, and the hour a "next week" snooze ends on Monday. */
export const EVENING_HOUR = 18;
export const MORNING_HOUR = 9;

export type SnoozeInput = { minutes: number } | { until: string };

/** The choices that make sense at `now`: "this evening" only until late afternoon. */
export function snoozeChoices(now: Date, timeZone: string): SnoozeChoice[] {
  const evening = hourIn(now, timeZone) < EVENING_HOUR - 1;
  return evening ? ['hour', 'evening', 'morning', 'nextWeek'] : ['hour', 'morning', 'nextWeek'];
}

/** The weekday of a calendar day, 1 (Monday) to 7 (Sunday). */
function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** What snoozeTask takes for a choice made on `today` (the person's day) in their zone. */
export function snoozeInput(choice: SnoozeChoice, today: string, timeZone: string): SnoozeInput {
  switch (choice) {
    case 'hour':
      return { minutes: 60 };
    case 'evening':
      return { until: zonedInstant(today, EVENING_HOUR, 0, timeZone) };
    case 'morning':
      return { until: zonedInstant(addDays(today, 1), MORNING_HOUR, 0, timeZone) };
    case 'nextWeek':
      return { until: zonedInstant(addDays(today, 8 - isoWeekday(today)), MORNING_HOUR, 0, timeZone) };
  }
}

/** A time picked in a `datetime-local` input ("2026-11-27T14:30"), as an instant in the person's zone; null if invalid. */
export function pickedInstant(local: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  return zonedInstant(m[1]!, Number(m[2]), Number(m[3]), timeZone);
}
