package app.tdah.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A nightly window, in the person's own zone, in which non-urgent reminders wait. The window may cross midnight
 * (22:00-08:00). Computed on local wall-clock times, so it stays right across DST changes.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** When a reminder firing at {@code at} should go out instead: the end of the window, or empty if not inside it. */
    public Optional<Instant> deferral(Instant at) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean crossesMidnight = start.isAfter(end);
        boolean inside = crossesMidnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!inside) {
            return Optional.empty();
        }
        LocalDate endDay = crossesMidnight && !time.isBefore(start) ? day.plusDays(1) : day;
        // ZonedDateTime.of moves a wall-clock time that falls in a spring-forward gap to just after it.
        return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
    }
}
