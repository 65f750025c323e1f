package app.tdah.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import app.tdah.capture.Due;

/** Where a recurring task goes next, in its owner's zone: after a completion, after a miss, and when it starts. */
final class Occurrences {

    private Occurrences() {
    }

    /** The next occurrence after this one, and not in the past: a late completion does not leave stale copies due. */
    static Optional<Due> next(Task t, Instant completedAt, ZoneId zone) {
        LocalDate today = completedAt.atZone(zone).toLocalDate();
        if (t.repeatAfterCompletion()) {
            return Optional.of(switch (t.due()) {
                case Due.AllDay d -> new Due.AllDay(Recurrences.afterCompletion(t.rrule(), today));
                case Due.Timed timed -> new Due.Timed(Recurrences.afterCompletion(t.rrule(), timed.at(), completedAt, zone));
            });
        }
        return switch (t.due()) {
            case Due.AllDay d -> Recurrences.nextDate(t.rrule(), d.date(),
                    d.date().isBefore(today) ? today.minusDays(1) : d.date()).map(Due.AllDay::new);
            case Due.Timed timed -> {
                ZonedDateTime start = timed.at().withZoneSameInstant(zone);
                Instant after = start.toInstant().isBefore(completedAt) && start.toLocalDate().isBefore(today)
                        ? completedAt : start.toInstant();
                yield Recurrences.nextTime(t.rrule(), start, after).map(Due.Timed::new);
            }
        };
    }

    /** The first day of a rule that starts today; null when it has none. */
    static Due first(String rrule, LocalDate today) {
        return Recurrences.nextDate(rrule, today, today.minusDays(1)).map(d -> (Due) new Due.AllDay(d)).orElse(null);
    }
}
