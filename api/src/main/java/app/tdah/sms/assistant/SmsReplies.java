package app.tdah.sms.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.sms.SmsText;
import app.tdah.tasks.Task;

/**
 * The assistant's words, in the person's language: each language's texts in its own subclass, the way they are put
 * together (what fits one segment, which hint goes with which reply) here, the same for all.
 *
 * <p>Every fixed text is in the GSM 7-bit alphabet, so a reply stays in one 160-character segment unless a person's
 * own title brings other characters. That alphabet has {@code é è à ù ñ ü ¿ ¡} but not {@code ç â ê î ô û á í ó ú}:
 * a single one turns the whole reply into UCS-2, 70 characters a segment. The French and Spanish texts are worded
 * around those letters ({@code SmsRepliesTest} holds every fixed text to it).
 */
abstract sealed class SmsReplies permits EnglishReplies, FrenchReplies, SpanishReplies {

    private static final SmsReplies ENGLISH = new EnglishReplies();
    private static final SmsReplies FRENCH = new FrenchReplies();
    private static final SmsReplies SPANISH = new SpanishReplies();

    private static final int TITLE_IN_LIST = 40;
    private static final int TITLE_IN_LIST_MIN = 12;
    private static final int TITLE_IN_SENTENCE = 60;
    private static final int TITLE_DONE_SO_FAR = 40;

    /** Lines a page is built from at most: more never fit one segment. */
    static final int PAGE_WINDOW = 30;

    static SmsReplies in(ProfileLanguage language) {
        return switch (language) {
            case EN -> ENGLISH;
            case FR -> FRENCH;
            case ES -> SPANISH;
        };
    }

    // ---- what each language says ----

    abstract String help();

    abstract String whichTask();

    abstract String noList();

    abstract String endOfList();

    abstract String nothingToUndo();

    abstract String noQuestions();

    abstract String snoozeRange();

    abstract String failed();

    /** A text that was only a date, a time or marks: there is nothing to call the task. */
    abstract String titleMissing();

    abstract String taskRemoved();

    abstract String nothingNext();

    abstract String noSuchNumber(int number);

    abstract String alreadyDone(String title);

    /** {@code when} null: the task has no due. */
    abstract String next(String title, String when);

    abstract String nextHint();

    /** {@code when} null: no due. */
    abstract String added(String title, String when, boolean repeats);

    abstract String removeHint();

    /** {@code nextWhen} null: the task is done for good; else when its next occurrence is due. */
    abstract String completed(String title, String nextWhen);

    abstract String undoHint();

    abstract String snoozed(String title, String until);

    abstract String brokenDown(String title, int steps);

    abstract String undone(Conversation.UndoKind kind, String title);

    /** {@code listName}: a list's name as the conversation stores it ({@code Today}, {@code Tomorrow}...). */
    abstract String emptyList(String listName);

    abstract String listTitle(String listName);

    /** The last line of a page when {@code remaining} tasks are left for the next. */
    abstract String moreLine(int remaining);

    /** After a listed task that is no longer open. */
    abstract String doneMark();

    /** A listed task deleted since the list was shown. */
    abstract String removedLine();

    abstract String today();

    abstract String tomorrow();

    abstract String yesterday();

    /** A day further away: weekday, day and month, short. */
    abstract String day(LocalDate date);

    abstract String time(LocalTime time);

    /** What one of the language model's tool calls did ("added call mom"), for {@link #couldNotAnswer}. */
    abstract String didSoFar(Conversation.UndoKind action, String title);

    /** The reply when the language model gave no answer, with what its tool calls did already (maybe none). */
    abstract String couldNotAnswer(List<String> doneSoFar);

    // ---- the replies, put together the same way in every language ----

    /** The notice to a number no account has verified: English, since who is texting is not known yet. */
    static String onboarding(String signupUrl) {
        return "Hi! To text your tasks to Personal Assistant, sign up at " + signupUrl
                + " and add this number in Settings. STOP to opt out.";
    }

    /** The notice to a number an account claimed but has not verified: English, like {@link #onboarding}. */
    static String unverified(String publicUrl) {
        return "This number is not verified yet. Finish verifying it in your Settings at " + publicUrl
                + " and then text me your tasks.";
    }

    final String alreadyDone(Task task) {
        return alreadyDone(shorten(task.title(), TITLE_IN_SENTENCE));
    }

    final String next(Task task, ZoneId zone, LocalDate today) {
        String when = task.due() == null ? null : when(task.due(), zone, today);
        return withHint(next(shorten(task.title(), 80), when), nextHint());
    }

    final String added(Task task, ZoneId zone, LocalDate today) {
        String when = task.due() == null ? null : when(task.due(), zone, today);
        return withHint(added(shorten(task.title(), TITLE_IN_SENTENCE), when, task.isRecurring()), removeHint());
    }

    final String completed(Task before, Task after, ZoneId zone, LocalDate today) {
        String nextWhen = after.status() == Task.Status.OPEN && after.due() != null ? when(after.due(), zone, today) : null;
        return withHint(completed(shorten(before.title(), TITLE_IN_SENTENCE), nextWhen), undoHint());
    }

    final String snoozed(Task task, ZonedDateTime until, LocalDate today) {
        return withHint(snoozed(shorten(task.title(), TITLE_IN_SENTENCE), when(until, today)), undoHint());
    }

    final String brokenDown(Task task, int steps) {
        return brokenDown(shorten(task.title(), TITLE_IN_SENTENCE), steps);
    }

    final String undone(Conversation.UndoKind kind, Task task) {
        return undone(kind, shorten(task.title(), TITLE_IN_SENTENCE));
    }

    final String didSoFar(Conversation.UndoKind action, Task task) {
        return didSoFar(action, shorten(task.title(), TITLE_DONE_SO_FAR));
    }

    /** "Today (3):", a list's first line. */
    final String heading(String listName, int size) {
        return listTitle(listName) + " (" + size + "):";
    }

    /** "tomorrow 17:00", "today", "Thu 12 Mar": when a due falls, seen from the person's today. */
    final String when(Due due, ZoneId zone, LocalDate today) {
        return switch (due) {
            case Due.AllDay d -> relativeDay(d.date(), today);
            case Due.Timed t -> when(t.at().withZoneSameInstant(zone), today);
        };
    }

    final String when(ZonedDateTime at, LocalDate today) {
        return relativeDay(at.toLocalDate(), today) + " " + time(at.toLocalTime());
    }

    private String relativeDay(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return today();
        }
        if (date.equals(today.plusDays(1))) {
            return tomorrow();
        }
        if (date.equals(today.minusDays(1))) {
            return yesterday();
        }
        return day(date);
    }

    /** The due as a list line shows it: only the time when it falls on the list's own day. */
    private String lineSuffix(Task task, ZoneId zone, LocalDate today, LocalDate listDay) {
        if (task.due() == null) {
            return "";
        }
        LocalDate date = task.due() instanceof Due.Timed t ? t.at().withZoneSameInstant(zone).toLocalDate() : task.due().date();
        if (date.equals(listDay)) {
            return task.due() instanceof Due.Timed t ? " " + time(t.at().withZoneSameInstant(zone).toLocalTime()) : "";
        }
        return " (" + when(task.due(), zone, today) + ")";
    }

    /**
     * The day's events, one line each ("09:30 Stand-up", all-day ones by title alone), ending with a line break: as
     * many as leave room for {@code then} and one task line in the segment, "..." standing for the rest.
     */
    final String events(List<DayEvents.DayEvent> events, String then) {
        StringBuilder block = new StringBuilder();
        String room = "\n" + then + "\n1. " + "x".repeat(TITLE_IN_LIST_MIN);
        for (DayEvents.DayEvent e : events) {
            String line = (e.startsAt() == null ? "" : time(e.startsAt()) + " ") + shorten(e.title(), TITLE_IN_LIST) + "\n";
            if (!fitsOneSegment(block + line + "...\n" + room)) {
                return block + "...\n";
            }
            block.append(line);
        }
        return block.toString();
    }

    /** One page of a list and where the next one starts. */
    record Page(String text, int nextOffset) {
    }

    /**
     * A page of a list of {@code total} tasks: the lines of {@code window} (the tasks numbered {@code offset + 1} on,
     * null for one removed since) that fit one segment with the heading and the "MORE" line, at least one (shortened if
     * need be). Numbers run on across pages, so "done 7" means the 7th wherever it showed.
     */
    final Page page(String heading, List<Task> window, int offset, int total, ZoneId zone, LocalDate today, LocalDate listDay) {
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

    private String line(int number, Task task, int titleLength, ZoneId zone, LocalDate today, LocalDate listDay) {
        if (task == null) {
            return number + ". " + removedLine();
        }
        return number + ". " + shorten(task.title(), titleLength) + lineSuffix(task, zone, today, listDay)
                + (task.status() == Task.Status.OPEN ? "" : doneMark());
    }

    private String compose(String heading, List<String> lines, int remaining) {
        return heading + "\n" + String.join("\n", lines) + (remaining > 0 ? "\n" + moreLine(remaining) : "");
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
