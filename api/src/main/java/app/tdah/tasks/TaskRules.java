package app.tdah.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import app.tdah.capture.Due;
import app.tdah.errors.UserError;

/**
 * The limits a task's fields must respect, each in this one place whoever asks (the API, a text message, the
 * assistant's tools); each violation is a user error naming the field.
 */
public final class TaskRules {

    public static final int MAX_CAPTURE_LENGTH = 1_000;
    /** Snoozing a task or a reminder for some minutes: from 1 minute to a week. */
    public static final int MAX_SNOOZE_MINUTES = 7 * 24 * 60;
    static final int MAX_TITLE = 500;
    static final int MAX_NOTES = 10_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 40;
    static final int MAX_REMINDERS = 10;
    static final int MAX_ESTIMATE_MINUTES = 10_080;
    static final int MAX_OFFSET_MINUTES = 525_600;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2200;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private TaskRules() {
    }

    /** A line to capture: something, and not too long. */
    static Optional<UserError> captureText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new UserError("text", "Type something to capture.", UserError.Code.TOO_SHORT));
        }
        if (text.length() > MAX_CAPTURE_LENGTH) {
            return Optional.of(new UserError("text", "Keep a capture under " + MAX_CAPTURE_LENGTH + " characters.", UserError.Code.TOO_LONG));
        }
        return Optional.empty();
    }

    /**
     * A capture that read nothing but recognised phrases ("tomorrow 5pm !high") has no title: it is refused rather
     * than saved untitled. The web and the API show this text; a text message gets it in the person's language.
     */
    public static final UserError TITLE_MISSING =
            new UserError("text", "Add a few words for the title.", UserError.Code.TOO_SHORT);

    /** Whether a task or reminder may be snoozed for this many minutes. */
    public static boolean snoozable(int minutes) {
        return minutes >= 1 && minutes <= MAX_SNOOZE_MINUTES;
    }

    static Optional<UserError> snoozeMinutes(int minutes) {
        return !snoozable(minutes)
                ? Optional.of(new UserError("minutes", "Snooze between 1 minute and a week.", UserError.Code.INVALID))
                : Optional.empty();
    }

    static void title(String title, List<UserError> errors) {
        if (title == null || title.isBlank()) {
            errors.add(new UserError("title", "Give the task a title.", UserError.Code.TOO_SHORT));
        } else if (title.strip().length() > MAX_TITLE) {
            errors.add(new UserError("title", "Keep the title under " + MAX_TITLE + " characters.", UserError.Code.TOO_LONG));
        }
    }

    static void notes(String notes, List<UserError> errors) {
        if (notes != null && notes.length() > MAX_NOTES) {
            errors.add(new UserError("notes", "Keep notes under " + MAX_NOTES + " characters.", UserError.Code.TOO_LONG));
        }
    }

    static void due(Due due, String field, List<UserError> errors) {
        if (due != null && !inRange(due.date())) {
            errors.add(new UserError(field, "Pick a date between " + FIRST_YEAR + " and " + LAST_YEAR + ".", UserError.Code.INVALID));
        }
    }

    static void instant(Instant instant, String field, List<UserError> errors) {
        if (instant != null && !inRange(instant.atZone(java.time.ZoneOffset.UTC).toLocalDate())) {
            errors.add(new UserError(field, "Pick a time between " + FIRST_YEAR + " and " + LAST_YEAR + ".", UserError.Code.INVALID));
        }
    }

    static void estimate(Integer minutes, List<UserError> errors) {
        if (minutes != null && (minutes < 1 || minutes > MAX_ESTIMATE_MINUTES)) {
            errors.add(new UserError("estimateMinutes", "Estimate between 1 minute and a week.", UserError.Code.INVALID));
        }
    }

    static void recurrence(String rrule, List<UserError> errors) {
        if (rrule != null && Recurrences.parse(rrule).isEmpty()) {
            errors.add(new UserError("recurrence", "That repeat rule isn't valid (an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO).",
                    UserError.Code.INVALID));
        }
    }

    /** Lower-cased, unique, sorted tags; errors for too many, too long or odd characters. */
    static List<String> tags(List<String> tags, List<UserError> errors) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> clean = new TreeSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            if (t.length() > MAX_TAG_LENGTH) {
                errors.add(new UserError("tags", "Keep each tag under " + MAX_TAG_LENGTH + " characters.", UserError.Code.TOO_LONG));
                return List.of();
            }
            if (!TAG.matcher(t).matches()) {
                errors.add(new UserError("tags", "Tags use letters, digits, - and _ only.", UserError.Code.INVALID));
                return List.of();
            }
            clean.add(t);
        }
        if (clean.size() > MAX_TAGS) {
            errors.add(new UserError("tags", "Use at most " + MAX_TAGS + " tags.", UserError.Code.TOO_LONG));
        }
        return new ArrayList<>(clean);
    }

    static void reminders(List<TaskDraft.ReminderDraft> reminders, Due due, List<UserError> errors) {
        if (reminders == null) {
            return;
        }
        if (reminders.size() > MAX_REMINDERS) {
            errors.add(new UserError("reminders", "Use at most " + MAX_REMINDERS + " reminders.", UserError.Code.TOO_LONG));
        }
        for (TaskDraft.ReminderDraft r : reminders) {
            reminder(r, due, errors);
        }
    }

    static void reminder(TaskDraft.ReminderDraft r, Due due, List<UserError> errors) {
        if ((r.remindAt() == null) == (r.offsetMinutes() == null)) {
            errors.add(new UserError("reminders", "A reminder has either a time or minutes before the due.", UserError.Code.INVALID));
        } else if (r.offsetMinutes() != null && (r.offsetMinutes() < 0 || r.offsetMinutes() > MAX_OFFSET_MINUTES)) {
            errors.add(new UserError("reminders", "Remind between 0 minutes and a year before.", UserError.Code.INVALID));
        } else if (r.offsetMinutes() != null && due == null) {
            errors.add(new UserError("reminders", "A reminder before the due needs the task to have a due.", UserError.Code.INVALID));
        } else {
            instant(r.remindAt(), "reminders", errors);
        }
    }

    private static boolean inRange(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }
}
