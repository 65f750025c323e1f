package app.tdah.capture;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A repeat rule, the subset of RFC 5545 RRULE that the capture grammar can express. */
record Recurrence(Frequency frequency, int interval, List<ByDay> byDays, Integer byMonthDay, Month byMonth) {

    enum Frequency { DAILY, WEEKLY, MONTHLY, YEARLY }

    /** A BYDAY entry: a weekday, optionally the n-th (or, negative, n-th from last) of its month. */
    record ByDay(int ordinal, DayOfWeek day) {
        String text() {
            String code = day.name().substring(0, 2);
            return ordinal == 0 ? code : ordinal + code;
        }

        boolean matches(LocalDate date) {
            if (date.getDayOfWeek() != day) {
                return false;
            }
            if (ordinal > 0) {
                return (date.getDayOfMonth() - 1) / 7 + 1 == ordinal;
            }
            if (ordinal < 0) {
                return (date.lengthOfMonth() - date.getDayOfMonth()) / 7 + 1 == -ordinal;
            }
            return true;
        }
    }

    Recurrence {
        interval = Math.max(1, interval);
        byDays = List.copyOf(byDays);
    }

    static Recurrence every(Frequency frequency, int interval) {
        return new Recurrence(frequency, interval, List.of(), null, null);
    }

    static Recurrence weeklyOn(int interval, Collection<DayOfWeek> days) {
        List<ByDay> byDays = new TreeSet<>(days).stream().map(day -> new ByDay(0, day)).toList();
        return new Recurrence(Frequency.WEEKLY, interval, byDays, null, null);
    }

    static Recurrence monthlyOnDay(int interval, int dayOfMonth) {
        return new Recurrence(Frequency.MONTHLY, interval, List.of(), dayOfMonth, null);
    }

    static Recurrence monthlyOnNth(int ordinal, DayOfWeek day) {
        return new Recurrence(Frequency.MONTHLY, 1, List.of(new ByDay(ordinal, day)), null, null);
    }

    static Recurrence yearlyOn(Month month, int dayOfMonth) {
        return new Recurrence(Frequency.YEARLY, 1, List.of(), dayOfMonth, month);
    }

    /** The RRULE value, parts in the order FREQ;INTERVAL;BYDAY;BYMONTHDAY;BYMONTH. */
    String toRRule() {
        StringBuilder rule = new StringBuilder("FREQ=").append(frequency);
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        if (!byDays.isEmpty()) {
            rule.append(";BYDAY=").append(byDays.stream().map(ByDay::text).collect(Collectors.joining(",")));
        }
        if (byMonthDay != null) {
            rule.append(";BYMONTHDAY=").append(byMonthDay);
        }
        if (byMonth != null) {
            rule.append(";BYMONTH=").append(byMonth.getValue());
        }
        return rule.toString();
    }

    /** Whether the rule puts an occurrence on that date, its series starting whenever the first match is. */
    boolean occursOn(LocalDate date) {
        if (byMonth != null && date.getMonth() != byMonth) {
            return false;
        }
        if (byMonthDay != null && date.getDayOfMonth() != byMonthDay) {
            return false;
        }
        return byDays.isEmpty() || byDays.stream().anyMatch(byDay -> byDay.matches(date));
    }

    private boolean pinned() {
        return !byDays.isEmpty() || byMonthDay != null || byMonth != null;
    }

    /** {@code every week} + {@code on monday}: the weekdays pin a weekly rule; null when it does not apply. */
    Recurrence pinnedTo(Collection<DayOfWeek> days) {
        return frequency == Frequency.WEEKLY && !pinned() ? weeklyOn(interval, days) : null;
    }

    /** {@code every month} + {@code on the 15th}; null when it does not apply. */
    Recurrence pinnedToDayOfMonth(int dayOfMonth) {
        return frequency == Frequency.MONTHLY && !pinned() ? monthlyOnDay(interval, dayOfMonth) : null;
    }

    /** {@code every year} + {@code on June 2}; null when it does not apply. */
    Recurrence pinnedTo(Month month, int dayOfMonth) {
        return frequency == Frequency.YEARLY && !pinned()
                ? new Recurrence(Frequency.YEARLY, interval, List.of(), dayOfMonth, month)
                : null;
    }
}
