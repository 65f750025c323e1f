// What the insights' numbers say, in a sentence each: the charts show them, these say them (and screen readers read
// them in place of the drawings).
import type { Weekday } from '../graphql/generated/graphql';
import { i18n } from '../i18n';
import type { InsightsData } from './api';

const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** The weekday's name in the UI's language (2026-11-23 was a Monday). */
export function weekdayLabel(weekday: Weekday, width: 'long' | 'short' = 'long'): string {
  const date = new Date(Date.UTC(2026, 10, 23 + WEEKDAYS.indexOf(weekday)));
  return new Intl.DateTimeFormat(i18n.language, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** "9:00" or "9 AM": an hour of the day as the UI's language writes it. */
export function hourLabel(hour: number): string {
  return new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 1, hour)));
}

/** The index of the one largest count; null when all are 0 or two share the top (nothing stands out). */
function standsOut(counts: readonly number[]): number | null {
  const top = Math.max(0, ...counts);
  if (top === 0 || counts.filter((c) => c === top).length > 1) return null;
  return counts.indexOf(top);
}

export function hourSummary(data: InsightsData): string {
  const peak = standsOut(data.completionsByHour.map((h) => h.count));
  return peak === null ? i18n.t('insights.hourNone') : i18n.t('insights.hourPeak', { hour: hourLabel(data.completionsByHour[peak]!.hour) });
}

export function weekdaySummary(data: InsightsData): string {
  const best = standsOut(data.completionsByWeekday.map((d) => d.count));
  return best === null
    ? i18n.t('insights.weekdayNone')
    : i18n.t('insights.weekdayBest', { day: weekdayLabel(data.completionsByWeekday[best]!.weekday) });
}

/** This week against the average of the weeks before it. */
export function trendSummary(data: InsightsData): string {
  const weeks = data.weeklyCompletions.map((w) => w.completions);
  const current = weeks[weeks.length - 1] ?? 0;
  const before = weeks.slice(0, -1);
  const average = before.length ? before.reduce((a, b) => a + b, 0) / before.length : 0;
  if (current === 0 && average === 0) return i18n.t('insights.trendNone');
  if (current > average * 1.1) return i18n.t('insights.trendUp', { count: current });
  if (current < average * 0.9) return i18n.t('insights.trendDown', { count: current });
  return i18n.t('insights.trendSteady', { count: current });
}

/** Whether steps helped: the share done after a breakdown against before it. */
export function breakdownSummary(data: InsightsData): string {
  const { tasks, before, after } = data.breakdown;
  if (tasks === 0) return i18n.t('insights.breakdownNone');
  if (before.rate === null || after.rate === null) return i18n.t('insights.breakdownEarly', { count: tasks });
  if (after.rate > before.rate) return i18n.t('insights.breakdownHelped', { count: tasks });
  return i18n.t('insights.breakdownSame', { count: tasks });
}

/** "75% of what was due; 2 missed", or "Nothing was due." when nothing was. */
export function outcomeDetail(outcomes: InsightsData['last7Days']): string {
  if (outcomes.rate === null) return i18n.t('insights.noneDue');
  const share = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(outcomes.rate);
  return i18n.t('insights.doneShare', { share, missed: outcomes.missed });
}
