package app.tdah.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Free slots of a given length within working hours, around busy times: the first slot of each free stretch, from
 * now (rounded up to the next quarter hour) over the coming days. Computed on local wall-clock times, so that working
 * hours stay put across DST changes.
 */
final class FreeTime {

    /** The most slots proposed at once: a few good choices beat a long list. */
    static final int MAX_SLOTS = 10;
    private static final Duration QUARTER = Duration.ofMinutes(15);

    /** A stretch of time, start included, end excluded. */
    record Interval(Instant start, Instant end) {
    }

    private FreeTime() {
    }

    static List<Interval> slots(Instant now, ZoneId zone, SchedulingPreferences hours, int days, Duration length,
                                List<Interval> busy) {
        List<Interval> sorted = busy.stream().sorted(Comparator.comparing(Interval::start)).toList();
        Instant earliest = roundUp(now);
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Interval> slots = new ArrayList<>();
        for (int d = 0; d < days && slots.size() < MAX_SLOTS; d++) {
            LocalDate day = today.plusDays(d);
            if (!hours.workDays().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant start = ZonedDateTime.of(day, hours.workStart(), zone).toInstant();
            Instant end = ZonedDateTime.of(day, hours.workEnd(), zone).toInstant();
            Instant cursor = start.isBefore(earliest) ? earliest : start;
            for (Interval b : sorted) {
                if (!b.end().isAfter(cursor) || !b.start().isBefore(end)) {
                    continue;
                }
                if (!cursor.plus(length).isAfter(b.start())) {
                    slots.add(new Interval(cursor, cursor.plus(length)));
                }
                cursor = roundUp(b.end());
                if (!cursor.isBefore(end)) {
                    break;
                }
            }
            if (!cursor.plus(length).isAfter(end)) {
                slots.add(new Interval(cursor, cursor.plus(length)));
            }
        }
        return slots.size() > MAX_SLOTS ? List.copyOf(slots.subList(0, MAX_SLOTS)) : List.copyOf(slots);
    }

    /** The next quarter hour at or after {@code at}, in whole minutes (zones' offsets are whole quarters too). */
    private static Instant roundUp(Instant at) {
        long quarter = QUARTER.toMillis();
        long millis = at.toEpochMilli();
        return Instant.ofEpochMilli(Math.ceilDiv(millis, quarter) * quarter);
    }
}
