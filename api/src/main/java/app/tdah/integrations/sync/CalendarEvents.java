package app.tdah.integrations.sync;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import app.tdah.integrations.Provider;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recurrenceset.Difference;
import org.dmfs.rfc5545.recurrenceset.FastForwarded;
import org.dmfs.rfc5545.recurrenceset.Merged;
import org.dmfs.rfc5545.recurrenceset.OfList;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;

/**
 * The synced events of every connected calendar of a person within a window, with recurring series expanded (in the
 * zone each repeats in, through lib-recur) minus their excluded, moved and cancelled occurrences.
 */
public final class CalendarEvents {

    private static final System.Logger LOG = System.getLogger(CalendarEvents.class.getName());
    /** Occurrences of one series read at most, whatever its rule: a guard against absurd rules. */
    private static final int MAX_OCCURRENCES = 5_000;

    private final SyncRepository repository;

    public CalendarEvents(SyncRepository repository) {
        this.repository = repository;
    }

    /**
     * Events overlapping {@code from}..{@code to}; all-day ones overlapping the local days {@code fromDate} to
     * {@code toDate} (both included), the days the window covers in the person's zone. In no particular order.
     */
    public List<EventOccurrence> between(UUID userId, Instant from, Instant to, LocalDate fromDate, LocalDate toDate) {
        List<SyncRepository.StoredEvent> stored = repository.eventsAround(userId, from, to, fromDate, toDate);
        Map<String, Set<String>> replaced = new HashMap<>();
        for (SyncRepository.StoredEvent s : stored) {
            if (s.event().seriesId() != null && s.event().originalStart() != null) {
                replaced.computeIfAbsent(s.integrationId() + "/" + s.event().seriesId(), k -> new HashSet<>()).add(s.event().originalStart());
            }
        }
        List<EventOccurrence> shown = new ArrayList<>();
        for (SyncRepository.StoredEvent s : stored) {
            SyncedEvent e = s.event();
            if (e.cancelled()) {
                continue;
            }
            if (e.recurrence() == null) {
                EventOccurrence one = occurrence(s.integrationId(), s.provider(), e, e.startsAt(), e.endsAt(), e.startDate(), e.endDate());
                if (overlaps(one, from, to, fromDate, toDate)) {
                    shown.add(one);
                }
            } else {
                expand(s.integrationId(), s.provider(), e, replaced.getOrDefault(s.integrationId() + "/" + e.id(), Set.of()), from, to, fromDate, toDate, shown);
            }
        }
        return shown;
    }

    /** The events on the person's local {@code day}: all-day ones first, then by start. */
    public List<EventOccurrence> on(UUID userId, LocalDate day, ZoneId zone) {
        List<EventOccurrence> events = new ArrayList<>(between(userId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), day, day));
        events.sort(java.util.Comparator.comparing((EventOccurrence e) -> !e.allDay())
                .thenComparing(e -> e.allDay() ? Instant.MIN : e.startsAt()));
        return events;
    }

    /** The longest stretch of back-to-back busy events a reminder waits through: beyond it, it goes anyway. */
    private static final Duration LONGEST_BUSY_STRETCH = Duration.ofHours(12);

    /**
     * When the person is free again if {@code at} falls inside a busy timed event of theirs: the end of that event, or
     * of the last one that follows it back to back (or overlapping). All-day events never count: a day marked "out of
     * office" or "busy" would otherwise hold every reminder until midnight.
     */
    public Optional<Instant> busyUntil(UUID userId, Instant at) {
        Instant horizon = at.plus(LONGEST_BUSY_STRETCH);
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        List<EventOccurrence> busy = between(userId, at, horizon, day, day).stream()
                .filter(e -> e.busy() && !e.allDay())
                .toList();
        Instant free = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (EventOccurrence e : busy) {
                if (!e.startsAt().isAfter(free) && e.endsAt().isAfter(free)) {
                    free = e.endsAt();
                    moved = true;
                }
            }
        }
        return free.equals(at) ? Optional.empty() : Optional.of(free.isAfter(horizon) ? horizon : free);
    }

    private static void expand(UUID integrationId, Provider provider, SyncedEvent series, Set<String> replaced, Instant from, Instant to,
                               LocalDate fromDate, LocalDate toDate, List<EventOccurrence> shown) {
        boolean allDay = series.startDate() != null;
        TimeZone zone = TimeZone.getTimeZone(zone(series.timeZone()));
        DateTime start = allDay
                ? new DateTime(series.startDate().getYear(), series.startDate().getMonthValue() - 1, series.startDate().getDayOfMonth())
                : new DateTime(zone, series.startsAt().toEpochMilli());
        RecurrenceSet occurrences;
        try {
            occurrences = recurrenceSet(series.recurrence(), start, zone);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.INFO, "Series {0} has a recurrence we cannot read ({1}); shown once", series.id(), e.getMessage());
            EventOccurrence once = occurrence(integrationId, provider, series, series.startsAt(), series.endsAt(), series.startDate(), series.endDate());
            if (overlaps(once, from, to, fromDate, toDate)) {
                shown.add(once);
            }
            return;
        }
        if (allDay) {
            long days = ChronoUnit.DAYS.between(series.startDate(), series.endDate());
            LocalDate skipTo = fromDate.minusDays(days);
            occurrences = new FastForwarded(new DateTime(skipTo.getYear(), skipTo.getMonthValue() - 1, skipTo.getDayOfMonth()), occurrences);
            int read = 0;
            for (DateTime next : occurrences) {
                LocalDate day = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
                if (day.isAfter(toDate) || ++read > MAX_OCCURRENCES) {
                    break;
                }
                if (!replaced.contains(day.toString()) && day.plusDays(days).isAfter(fromDate)) {
                    shown.add(occurrence(integrationId, provider, series, null, null, day, day.plusDays(days)));
                }
            }
        } else {
            Duration length = Duration.between(series.startsAt(), series.endsAt());
            occurrences = new FastForwarded(new DateTime(zone, from.minus(length).toEpochMilli()), occurrences);
            int read = 0;
            for (DateTime next : occurrences) {
                Instant at = Instant.ofEpochMilli(next.getTimestamp());
                if (!at.isBefore(to) || ++read > MAX_OCCURRENCES) {
                    break;
                }
                if (!replaced.contains(at.toString()) && at.plus(length).isAfter(from)) {
                    shown.add(occurrence(integrationId, provider, series, at, at.plus(length), null, null));
                }
            }
        }
    }

    /** RRULE and RDATE lines add occurrences to the first one; EXDATE lines take some away. */
    private static RecurrenceSet recurrenceSet(List<String> lines, DateTime start, TimeZone zone) throws InvalidRecurrenceRuleException {
        List<RecurrenceSet> included = new ArrayList<>();
        List<RecurrenceSet> excluded = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] nameAndParameters = line.substring(0, colon).split(";");
            String name = nameAndParameters[0].trim().toUpperCase(Locale.ROOT);
            String values = line.substring(colon + 1).trim();
            switch (name) {
                case "RRULE" -> included.add(new OfRuleAndFirst(new RecurrenceRule(values, RecurrenceRule.RfcMode.RFC5545_LAX), start));
                case "RDATE" -> included.add(list(nameAndParameters, values, zone, start));
                case "EXDATE" -> excluded.add(list(nameAndParameters, values, zone, start));
                default -> {
                    // Other lines (EXRULE, long obsolete) change nothing here.
                }
            }
        }
        if (included.isEmpty()) {
            throw new IllegalArgumentException("no RRULE or RDATE");
        }
        RecurrenceSet all = included.size() == 1 ? included.get(0) : new Merged(included);
        return excluded.isEmpty() ? all : new Difference(all, new Merged(excluded));
    }

    private static RecurrenceSet list(String[] parameters, String values, TimeZone seriesZone, DateTime start) {
        if (start.isAllDay()) {
            return new OfList(values);
        }
        TimeZone zone = seriesZone;
        for (String parameter : parameters) {
            if (parameter.toUpperCase(Locale.ROOT).startsWith("TZID=")) {
                zone = TimeZone.getTimeZone(zone(parameter.substring(5)));
            }
        }
        return new OfList(zone, values);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static EventOccurrence occurrence(UUID integrationId, Provider provider, SyncedEvent e, Instant startsAt,
                                              Instant endsAt, LocalDate startDate, LocalDate endDate) {
        return new EventOccurrence(integrationId, provider, e.id(), e.title(), e.location(), startsAt, endsAt, startDate, endDate, e.busy(), e.link());
    }

    private static boolean overlaps(EventOccurrence o, Instant from, Instant to, LocalDate fromDate, LocalDate toDate) {
        return o.allDay()
                ? !o.startDate().isAfter(toDate) && o.endDate().isAfter(fromDate)
                : o.startsAt().isBefore(to) && o.endsAt().isAfter(from);
    }
}
