package app.tdah.sms.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.tdah.capture.Due;
import app.tdah.errors.UserError;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.sms.SmsText;
import app.tdah.sms.SmsTexts;
import app.tdah.tasks.Task;

/**
 * The assistant's replies in the person's language: the words are {@link SmsTexts}' (one bundle per language, the
 * same keys), put together here the same way for all (what fits one segment, which hint goes with which reply).
 *
 * <p>Every fixed text is in the GSM 7-bit alphabet, so a reply stays in one 160-character segment unless a person's
 * own title brings other characters. That alphabet has {@code é è à ù ñ ü ¿ ¡} but not {@code ç â ê î ô û á í ó ú}:
 * a single one turns the whole reply into UCS-2, 70 characters a segment. The French and Spanish texts are worded
 * around those letters ({@code SmsRepliesTest} holds every fixed text to it).
 */
final class SmsReplies {

    private static final Map<ProfileLanguage, SmsReplies> BY_LANGUAGE = new EnumMap<>(ProfileLanguage.class);

    static {
        for (ProfileLanguage language : ProfileLanguage.values()) {
            BY_LANGUAGE.put(language, new SmsReplies(SmsTexts.in(language)));
        }
    }

    private static final int TITLE_IN_LIST = 40;
    private static final int TITLE_IN_LIST_MIN = 12;
    private static final int TITLE_IN_SENTENCE = 60;
    private static final int TITLE_DONE_SO_FAR = 40;

    /** Lines a page is built from at most: more never fit one segment. */
    static final int PAGE_WINDOW = 30;

    private final SmsTexts texts;

    private SmsReplies(SmsTexts texts) {
        this.texts = texts;
    }

    static SmsReplies in(ProfileLanguage language) {
        return BY_LANGUAGE.get(language);
    }

    // ---- fixed texts ----

    String help() {
        return texts.text("help");
    }

    String whichTask() {
        return texts.text("whichTask");
    }

    String noList() {
        return texts.text("noList");
    }

    String endOfList() {
        return texts.text("endOfList");
    }

    String nothingToUndo() {
        return texts.text("nothingToUndo");
    }

    String noQuestions() {
        return texts.text("noQuestions");
    }

    String snoozeRange() {
        return texts.text("snoozeRange");
    }

    String failed() {
        return texts.text("failed");
    }

    /** A text that was only a date, a time or marks: there is nothing to call the task. */
    String titleMissing() {
        return texts.text("titleMissing");
    }

    String taskRemoved() {
        return texts.text("taskRemoved");
    }

    String nothingNext() {
        return texts.text("nothingNext");
    }

    String noSuchNumber(int number) {
        return texts.text("noSuchNumber", number);
    }

    String nextHint() {
        return texts.text("nextHint");
    }

    String removeHint() {
        return texts.text("removeHint");
    }

    String undoHint() {
        return texts.text("undoHint");
    }

    /** {@code listName}: a list's name as the conversation stores it ({@code Today}, {@code Tomorrow}, {@code Overdue}). */
    String emptyList(String listName) {
        return texts.text("list." + listName + ".empty");
    }

    /**
     * What the text asked was refused by a rule whose own words (a {@link UserError}'s message, for the web) are
     * English: the reply for its field and code, or a general one.
     */
    String refused(UserError error) {
        String specific = "refused." + error.field() + "." + error.code().name();
        return texts.has(specific) ? texts.text(specific) : texts.text("refused");
    }

    /** The last line of a page when {@code remaining} tasks are left for the next. */
    String moreLine(int remaining) {
        return texts.text("more", remaining);
    }

    /** The reply when the language model gave no answer, with what its tool calls did already (maybe none). */
    String couldNotAnswer(List<String> doneSoFar) {
        return doneSoFar.isEmpty() ? texts.text("couldNotAnswer")
                : texts.text("couldNotAnswer.soFar", String.join(", ", doneSoFar));
    }

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

    String alreadyDone(Task task) {
        return texts.text("alreadyDone", shorten(task.title(), TITLE_IN_SENTENCE));
    }

    String next(Task task, ZoneId zone, LocalDate today) {
        String title = shorten(task.title(), 80);
        String next = task.due() == null ? texts.text("next", title)
                : texts.text("next.due", title, when(task.due(), zone, today));
        return withHint(next, nextHint());
    }

    String added(Task task, ZoneId zone, LocalDate today) {
        String due = task.due() == null ? "" : texts.text("added.due", when(task.due(), zone, today));
        String repeats = task.isRecurring() ? texts.text("added.repeats") : "";
        return withHint(texts.text("added", shorten(task.title(), TITLE_IN_SENTENCE), due, repeats), removeHint());
    }

    /** With when the next occurrence is due, if the task repeats. */
    String completed(Task before, Task after, ZoneId zone, LocalDate today) {
        String title = shorten(before.title(), TITLE_IN_SENTENCE);
        String completed = after.status() == Task.Status.OPEN && after.due() != null
                ? texts.text("completed.next", title, when(after.due(), zone, today))
                : texts.text("completed", title);
        return withHint(completed, undoHint());
    }

    String snoozed(Task task, ZonedDateTime until, LocalDate today) {
        return withHint(texts.text("snoozed", shorten(task.title(), TITLE_IN_SENTENCE), when(until, today)), undoHint());
    }

    String brokenDown(Task task, int steps) {
        return texts.text("brokenDown", shorten(task.title(), TITLE_IN_SENTENCE), steps);
    }

    String undone(Conversation.UndoKind kind, Task task) {
        return texts.text("undone." + kind.name(), shorten(task.title(), TITLE_IN_SENTENCE));
    }

    /** What one of the language model's tool calls did ("added call mom"), for {@link #couldNotAnswer}. */
    String didSoFar(Conversation.UndoKind action, Task task) {
        return texts.text("didSoFar." + action.name(), shorten(task.title(), TITLE_DONE_SO_FAR));
    }

    /** "Today (3):", a list's first line. */
    String heading(String listName, int size) {
        return texts.text("list." + listName) + " (" + size + "):";
    }

    /** "tomorrow 17:00", "today", "Thu 12 Mar": when a due falls, seen from the person's today. */
    String when(Due due, ZoneId zone, LocalDate today) {
        return switch (due) {
            case Due.AllDay d -> relativeDay(d.date(), today);
            case Due.Timed t -> when(t.at().withZoneSameInstant(zone), today);
        };
    }

    String when(ZonedDateTime at, LocalDate today) {
        return relativeDay(at.toLocalDate(), today) + " " + texts.time(at.toLocalTime());
    }

    private String relativeDay(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return texts.text("today");
        }
        if (date.equals(today.plusDays(1))) {
            return texts.text("tomorrow");
        }
        if (date.equals(today.minusDays(1))) {
            return texts.text("yesterday");
        }
        return texts.day(date);
    }

    /** The due as a list line shows it: only the time when it falls on the list's own day. */
    private String lineSuffix(Task task, ZoneId zone, LocalDate today, LocalDate listDay) {
        if (task.due() == null) {
            return "";
        }
        LocalDate date = task.due() instanceof Due.Timed t ? t.at().withZoneSameInstant(zone).toLocalDate() : task.due().date();
        if (date.equals(listDay)) {
            return task.due() instanceof Due.Timed t ? " " + texts.time(t.at().withZoneSameInstant(zone).toLocalTime()) : "";
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
            String line = (e.startsAt() == null ? "" : texts.time(e.startsAt()) + " ") + shorten(e.title(), TITLE_IN_LIST) + "\n";
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
    Page page(String heading, List<Task> window, int offset, int total, ZoneId zone, LocalDate today, LocalDate listDay) {
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
            return number + ". " + texts.text("removedLine");
        }
        return number + ". " + shorten(task.title(), titleLength) + lineSuffix(task, zone, today, listDay)
                + (task.status() == Task.Status.OPEN ? "" : " " + texts.text("doneMark"));
    }

    private String compose(String heading, List<String> lines, int remaining) {
        return heading + "\n" + String.join("\n", lines) + (remaining > 0 ? "\n" + moreLine(remaining) : "");
    }

    /** Adds the hint only when the text stays within one segment with it. */
    static String withHint(String text, String hint) {
        String hinted = text + " " + hint;
        return fitsOneSegment(hinted) ? hinted : text;
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
