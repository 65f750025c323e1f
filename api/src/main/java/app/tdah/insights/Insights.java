package app.tdah.insights;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.List;

/** What a person's completions and misses say, counted in their own time zone. */
public record Insights(
        Outcomes last7Days,
        Outcomes last30Days,
        List<HourCount> completionsByHour,
        List<WeekdayCount> completionsByWeekday,
        List<TagOutcomes> tags,
        int currentStreakDays,
        MissPatterns misses,
        BreakdownEffect breakdown,
        List<WeekCount> weeklyCompletions,
        FocusTotals focusLast7Days,
        FocusTotals focusLast30Days) {

    public record Outcomes(int completed, int missed) {
        /** The share of occurrences completed, 0 to 1; null when there were none. */
        public Double rate() {
            int total = completed + missed;
            return total == 0 ? null : (double) completed / total;
        }
    }

    /** {@code hour} is 0 to 23, local. */
    public record HourCount(int hour, int count) {
    }

    public record WeekdayCount(DayOfWeek weekday, int count) {
    }

    public record TagOutcomes(String tag, Outcomes outcomes) {
    }

    public record MissPatterns(List<WeekdayCount> byWeekday, List<HourCount> byHour) {
        /** The one weekday with the most misses; null without misses, or when weekdays tie, as neither stands out. */
        public DayOfWeek worstWeekday() {
            List<WeekdayCount> mostFirst = byWeekday.stream()
                    .sorted(Comparator.comparingInt(WeekdayCount::count).reversed())
                    .toList();
            if (mostFirst.isEmpty() || mostFirst.getFirst().count() == 0
                    || mostFirst.size() > 1 && mostFirst.get(1).count() == mostFirst.getFirst().count()) {
                return null;
            }
            return mostFirst.getFirst().weekday();
        }
    }

    /** Outcomes of the tasks that were broken down, before and after their breakdown. */
    public record BreakdownEffect(int tasks, Outcomes before, Outcomes after) {
    }

    /** Focus sessions that ran to their end, and their minutes. */
    public record FocusTotals(int sessions, int minutes) {
    }

    /** {@code week} is an ISO-8601 week such as 2026-W12. */
    public record WeekCount(String week, int completions) {
    }
}
