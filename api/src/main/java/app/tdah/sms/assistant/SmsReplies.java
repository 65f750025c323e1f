package app.tdah.sms.assistant;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.tdah.capture.Due;
import app.tdah.sms.SmsText;
import app.tdah.tasks.Task;

/**
 * The assistant's words. Every fixed text is in the GSM 7-bit alphabet (no curly quotes, dashes or ellipsis
 * characters), so a reply stays in one 160-character segment unless a person's own title brings other characters.
 */
final class SmsReplies {

    static final String HELP = "Text a task to add it: buy milk tomorrow 5pm. Or LIST, TOMORROW, OVERDUE, NEXT, "
            + "DONE 2, SNOOZE 2 1h, BREAK DOWN 2, UNDO. STOP to opt out.";
    static final String WHICH_TASK = "Which task? Reply LIST, then e.g. DONE 2 or SNOOZE 2 1h.";
    static final String NO_LIST = "No list to page through. Reply LIST to see today's tasks.";
    static final String END_OF_LIST = "That was the whole list. Reply LIST to see it again.";
    static final String NOTHING_TO_UNDO = "Nothing to undo.";
    static final String NO_QUESTIONS = "I can't answer questions here. To add it as a task, send it without the "
            + "question mark. HELP for commands.";
    static final String SNOOZE_RANGE = "Snooze between 1 minute and 7 days, e.g. SNOOZE 20m, SNOOZE 2h or SNOOZE TOMORROW.";
    static final String FAILED = "Sorry, something went wrong on our side. Please try again in a minute.";

    private static final int TITLE_IN_LIST = 40;
    private static final int TITLE_IN_LIST_MIN = 12;
    private static final int TITLE_IN_SENTENCE = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private SmsReplies() {
    }

    static String onboarding(String signupUrl) {
        return "Hi! To text your tasks to Personal Assistant, sign up at " + signupUrl
                + " and add this number in Settings. STOP to opt out.";
    }

    static String unverified(String publicUrl) {
        return "This number is not verified yet. Finish verifying it in your Settings at " + publicUrl
                + " and then text me your tasks.";
    }

    static String noSuchNumber(int number) {
        return "There is no " + number + " in the last list. Reply LIST to see it again.";
    }

    /** "tomorrow 17:00", "today", "Thu 12 Mar": when a due falls, seen from the person's today. */
    static String when(Due due, ZoneId zone, LocalDate today) {
        return switch (due) {
            case Due.AllDay d -> day(d.date(), today);
            case Due.Timed t -> {
                ZonedDateTime local = t.at().withZoneSameInstant(zone);
                yield day(local.toLocalDate(), today) + " " + TIME.format(local);
            }
        };
    }

    static String when(ZonedDateTime at, LocalDate today) {
        return day(at.toLocalDate(), today) + " " + TIME.format(at);
    }

    private static String day(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return "today";
        }
        if (date.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        if (date.equals(today.minusDays(1))) {
            return "yesterday";
        }
        return DAY.format(date);
    }

    /** The due as a list line shows it: only the time when it falls on the list's own day. */
    private static String lineSuffix(Task task, ZoneId zone, LocalDate today, LocalDate listDay) {
        if (task.due() == null) {
            return "";
        }
        LocalDate date = task.due() instanceof Due.Timed t ? t.at().withZoneSameInstant(zone).toLocalDate() : task.due().date();
        if (date.equals(listDay)) {
            return task.due() instanceof Due.Timed t ? " " + TIME.format(t.at().withZoneSameInstant(zone)) : "";
        }
        return " (" + when(task.due(), zone, today) + ")";
    }

    static String added(Task task, ZoneId zone, LocalDate today) {
        StringBuilder text = new StringBuilder("Added: ").append(shorten(task.title(), TITLE_IN_SENTENCE));
        if (task.due() != null) {
            text.append(", due ").append(when(task.due(), zone, today));
        }
        if (task.isRecurring()) {
            text.append(", repeats");
        }
        return withHint(text.append('.').toString(), " UNDO to remove it.");
    }

    static String completed(Task before, Task after, ZoneId zone, LocalDate today) {
        String text = "Done: " + shorten(before.title(), TITLE_IN_SENTENCE) + ". Well done!";
        if (after.status() == Task.Status.OPEN && after.due() != null) {
            text += " Next one " + when(after.due(), zone, today) + ".";
        }
        return withHint(text, " UNDO to take it back.");
    }

    static String snoozed(Task task, ZonedDateTime until, LocalDate today) {
        return withHint("Snoozed " + shorten(task.title(), TITLE_IN_SENTENCE) + " until " + when(until, today) + ".",
                " UNDO to take it back.");
    }

    static String brokenDown(Task task, int steps) {
        return "Split " + shorten(task.title(), TITLE_IN_SENTENCE) + " into " + steps + " steps:";
    }

    static String undone(Conversation.UndoKind kind, String title) {
        String shortTitle = shorten(title, TITLE_IN_SENTENCE);
        return switch (kind) {
            case CREATED -> "Undone: removed " + shortTitle + ".";
            case COMPLETED -> "Undone: " + shortTitle + " is open again.";
            case SNOOZED -> "Undone: " + shortTitle + " is no longer snoozed.";
        };
    }

    static String emptyList(String name) {
        return switch (name) {
            case "Tomorrow" -> "Nothing due tomorrow. Text a task to add it.";
            case "Overdue" -> "Nothing overdue. Nice!";
            default -> "Nothing due today. Text a task to add it.";
        };
    }

    /** One page of a list and where the next one starts. */
    record Page(String text, int nextOffset) {
    }

    /** Lines a page is built from at most: more never fit one segment. */
    static final int PAGE_WINDOW = 30;

    /**
     * A page of a list of {@code total} tasks: the lines of {@code window} (the tasks numbered {@code offset + 1} on,
     * null for one removed since) that fit one segment with the heading and the "MORE" line, at least one (shortened if
     * need be). Numbers run on across pages, so "done 7" means the 7th wherever it showed.
     */
    static Page page(String heading, List<Task> window, int offset, int total, ZoneId zone, LocalDate today, LocalDate listDay) {
        List<String> lines = new ArrayList<>();
        int end = offset;
        while (end - offset < window.size()) {
            Task task = window.get(end - offset);
            String line = line(end + 1, task, TITLE_IN_LIST, zone, today, listDay);
            lines.add(line);
            if (!fitsOneSegment(compose(heading, lines, total - end - 1))) {
                lines.removeLast();
                if (lines.isEmpty()) {
                    lines.add(line(end + 1, task, TITLE_IN_LIST_MIN, zone, today, listDay));
                    end++;
                }
                break;
            }
            end++;
        }
        return new Page(compose(heading, lines, total - end), end);
    }

    private static String line(int number, Task task, int titleLength, ZoneId zone, LocalDate today, LocalDate listDay) {
        if (task == null) {
            return number + ". (removed)";
        }
        return number + ". " + shorten(task.title(), titleLength) + lineSuffix(task, zone, today, listDay)
                + (task.status() == Task.Status.OPEN ? "" : " (done)");
    }

    private static String compose(String heading, List<String> lines, int remaining) {
        return heading + "\n" + String.join("\n", lines) + (remaining > 0 ? "\nMORE for " + remaining + " more" : "");
    }

    /** Adds the hint only when the text stays within one segment with it. */
    static String withHint(String text, String hint) {
        return fitsOneSegment(text + hint) ? text + hint : text;
    }

    static boolean fitsOneSegment(String text) {
        return SmsText.of(text).segments() == 1;
    }

    /** At most {@code length} characters (code points), cut at a word when one ends near, marked with "...". */
    static String shorten(String text, int length) {
        String clean = text.strip().replaceAll("\\s+", " ");
        if (clean.codePointCount(0, clean.length()) <= length) {
            return clean;
        }
        String cut = clean.substring(0, clean.offsetByCodePoints(0, length - 3));
        int space = cut.lastIndexOf(' ');
        return (space > length / 2 ? cut.substring(0, space) : cut).strip() + "...";
    }
}
