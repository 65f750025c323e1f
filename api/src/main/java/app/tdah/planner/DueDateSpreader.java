package app.tdah.planner;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Spreads the due dates of a task's steps evenly between today and the task's own due. */
final class DueDateSpreader {

    private DueDateSpreader() {
    }

    /**
     * The first step is due today and the last on the day before the task's due, so the task itself is done by its
     * due. With no room for that (due today, or already missed) every step is due today. With no due, one step a day.
     *
     * @param due the task's due date, or null
     * @return {@code count} dates, never decreasing
     */
    static List<LocalDate> spread(int count, LocalDate today, LocalDate due) {
        LocalDate target = due != null ? due : today.plusDays(count);
        LocalDate last = target.minusDays(1);
        long span = last.isAfter(today) ? ChronoUnit.DAYS.between(today, last) : 0;
        List<LocalDate> dates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dates.add(today.plusDays(count == 1 ? 0 : i * span / (count - 1)));
        }
        return dates;
    }
}
