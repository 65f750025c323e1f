package app.tdah.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.TimeZone;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/** RFC 5545 recurrence, through lib-recur: validation and "the next occurrence after". */
final class Recurrences {

    static final int MAX_RULE_LENGTH = 200;
    /** Guards against rules whose next occurrence lies absurdly far (e.g. FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=2). */
    private static final int MAX_STEPS = 10_000;

    private Recurrences() {
    }

    /** The parsed rule, or empty when it is not a valid RRULE value. */
    static Optional<RecurrenceRule> parse(String rrule) {
        if (rrule == null || rrule.isBlank() || rrule.length() > MAX_RULE_LENGTH) {
            return Optional.empty();
        }
        try {
            RecurrenceRule rule = new RecurrenceRule(rrule.trim().replaceFirst("(?i)^RRULE:", ""), RecurrenceRule.RfcMode.RFC5545_STRICT);
            return Optional.of(rule);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first all-day occurrence of the series that starts on {@code start}, strictly after {@code after}. */
    static Optional<LocalDate> nextDate(String rrule, LocalDate start, LocalDate after) {
        RecurrenceRule rule = parse(rrule).orElseThrow();
        RecurrenceRuleIterator it = rule.iterator(new DateTime(start.getYear(), start.getMonthValue() - 1, start.getDayOfMonth()));
        for (int i = 0; i < MAX_STEPS && it.hasNext(); i++) {
            DateTime next = it.nextDateTime();
            LocalDate date = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
            if (date.isAfter(after)) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    /** The first timed occurrence of the series that starts at {@code start}, strictly after {@code after}. */
    static Optional<ZonedDateTime> nextTime(String rrule, ZonedDateTime start, Instant after) {
        RecurrenceRule rule = parse(rrule).orElseThrow();
        RecurrenceRuleIterator it = rule.iterator(start.toInstant().toEpochMilli(), TimeZone.getTimeZone(start.getZone()));
        for (int i = 0; i < MAX_STEPS && it.hasNext(); i++) {
            long next = it.nextMillis();
            if (next > after.toEpochMilli()) {
                return Optional.of(Instant.ofEpochMilli(next).atZone(start.getZone()));
            }
        }
        return Optional.empty();
    }

    /** "Repeat after completion": the rule's frequency and interval, counted from the day it was done. */
    static LocalDate afterCompletion(String rrule, LocalDate completedOn) {
        RecurrenceRule rule = parse(rrule).orElseThrow();
        int n = Math.max(1, rule.getInterval());
        Freq freq = rule.getFreq();
        return switch (freq) {
            case YEARLY -> completedOn.plusYears(n);
            case MONTHLY -> completedOn.plusMonths(n);
            case WEEKLY -> completedOn.plusWeeks(n);
            default -> completedOn.plusDays(n);
        };
    }

    static ZonedDateTime afterCompletion(String rrule, ZonedDateTime due, Instant completedAt, ZoneId zone) {
        LocalDate day = afterCompletion(rrule, completedAt.atZone(zone).toLocalDate());
        return ZonedDateTime.of(day, due.withZoneSameInstant(zone).toLocalTime(), zone);
    }
}
