package app.tdah.capture;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A task read from one line of text.
 *
 * @param title    what is left of the text once the recognised phrases are removed; empty only with
 *                 {@link Flag#TITLE_MISSING}
 * @param due      when it is due, or null
 * @param priority how pressing it is, or null
 * @param tags     lower-case tags, sorted and unique
 * @param rrule    the RFC 5545 RRULE value when it recurs, or null
 * @param remindAt when to remind the user, or null
 * @param flags    what the person should check before the task is saved
 */
public record Capture(String title, Due due, Priority priority, SortedSet<String> tags, String rrule,
                      ZonedDateTime remindAt, Set<Flag> flags) {

    /** Something in the reading the person should look at; the spec says what each asks of them. */
    public enum Flag {
        /**
         * The text was nothing but recognised phrases ("tomorrow at 5pm"): there is no title, and the capture is
         * refused with "add a few words for the title".
         */
        TITLE_MISSING,
        /**
         * The due date was read without a year and is more than 300 days away ("pay bills Dec 1" on Dec 2): the
         * preview asks "next year?".
         */
        DUE_FAR_AHEAD
    }

    public Capture {
        Objects.requireNonNull(title, "title");
        flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        if (title.isBlank() != flags.contains(Flag.TITLE_MISSING)) {
            throw new IllegalArgumentException("a capture has a title unless it is flagged TITLE_MISSING");
        }
        SortedSet<String> sorted = new TreeSet<>();
        if (tags != null) {
            sorted.addAll(tags);
        }
        tags = Collections.unmodifiableSortedSet(sorted);
    }

    /** {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM}; empty when there is no due. */
    public String dueText() {
        return due == null ? "" : due.text();
    }

    /** {@code URGENT}, {@code HIGH}, {@code MEDIUM}, {@code LOW}; empty when none was stated. */
    public String priorityText() {
        return priority == null ? "" : priority.name();
    }

    /** The tags joined by {@code ,}; empty when there are none. */
    public String tagsText() {
        return String.join(",", tags);
    }

    /** The RRULE value; empty when the task does not recur. */
    public String rruleText() {
        return Objects.requireNonNullElse(rrule, "");
    }

    /** {@code YYYY-MM-DDTHH:MM} in the user's zone; empty when no reminder was asked for. */
    public String remindText() {
        return remindAt == null ? "" : Due.DATE_TIME.format(remindAt);
    }

    /** The flags' names in declaration order, joined by {@code ,}; empty when there are none. */
    public String flagsText() {
        return String.join(",", flags.stream().map(Flag::name).toList());
    }
}
