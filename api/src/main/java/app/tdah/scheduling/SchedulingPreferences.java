package app.tdah.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a person works (the hours free time is looked for in, in their zone) and whether they want a "leave now"
 * nudge before events with a place.
 *
 * @param leaveNowMinutes how long before such an event the nudge comes; null: no nudges (the default)
 */
public record SchedulingPreferences(LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workDays, Integer leaveNowMinutes) {

    /** Until the person says otherwise: 09:00 to 18:00, Monday to Friday, no nudges. */
    public static final SchedulingPreferences DEFAULT = new SchedulingPreferences(LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null);

    public static final int MIN_LEAVE_NOW = 5;
    public static final int MAX_LEAVE_NOW = 240;

    public SchedulingPreferences {
        workDays = workDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workDays));
    }
}
