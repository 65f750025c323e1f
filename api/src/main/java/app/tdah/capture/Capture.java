package app.tdah.capture;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A task read from one line of text.
 *
 * @param title    what is left of the text once the recognised phrases are removed; never blank
 * @param due      when it is due, or null
 * @param priority how pressing it is, or null
 * @param tags     lower-case tags, sorted and unique
 * @param rrule    the RFC 5545 RRULE value when it recurs, or null
 * @param remindAt when to remind the user, or null
 */
public record Capture(String title, Due due, Priority priority, SortedSet<String> tags, String rrule,
                      ZonedDateTime remindAt) {

    public Capture {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a capture always has a title");
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
}
