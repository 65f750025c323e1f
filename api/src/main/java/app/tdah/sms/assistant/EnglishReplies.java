package app.tdah.sms.assistant;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The assistant's words in English. */
final class EnglishReplies extends SmsReplies {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    @Override
    String help() {
        return "Text a task to add it: buy milk tomorrow 5pm. Or LIST, TOMORROW, OVERDUE, NEXT, DONE 2, SNOOZE 2 1h, "
                + "BREAK DOWN 2, UNDO. STOP to opt out.";
    }

    @Override
    String whichTask() {
        return "Which task? Reply LIST, then e.g. DONE 2 or SNOOZE 2 1h.";
    }

    @Override
    String noList() {
        return "No list to page through. Reply LIST to see today's tasks.";
    }

    @Override
    String endOfList() {
        return "That was the whole list. Reply LIST to see it again.";
    }

    @Override
    String nothingToUndo() {
        return "Nothing to undo.";
    }

    @Override
    String noQuestions() {
        return "I can't answer questions here. To add it as a task, send it without the question mark. HELP for commands.";
    }

    @Override
    String snoozeRange() {
        return "Snooze between 1 minute and 7 days, e.g. SNOOZE 20m, SNOOZE 2h or SNOOZE TOMORROW.";
    }

    @Override
    String failed() {
        return "Sorry, something went wrong on our side. Please try again in a minute.";
    }

    @Override
    String titleMissing() {
        return "Add a few words for the title, e.g. call mom tomorrow 5pm.";
    }

    @Override
    String taskRemoved() {
        return "That task was removed. Reply LIST to see your tasks.";
    }

    @Override
    String nothingNext() {
        return "Nothing coming up. Text a task to add it.";
    }

    @Override
    String noSuchNumber(int number) {
        return "There is no " + number + " in the last list. Reply LIST to see it again.";
    }

    @Override
    String alreadyDone(String title) {
        return "Already done: " + title + ".";
    }

    @Override
    String next(String title, String when) {
        return "Next: " + title + (when == null ? "" : " (" + when + ")") + ".";
    }

    @Override
    String nextHint() {
        return " Reply DONE or SNOOZE 1h.";
    }

    @Override
    String added(String title, String when, boolean repeats) {
        return "Added: " + title + (when == null ? "" : ", due " + when) + (repeats ? ", repeats" : "") + ".";
    }

    @Override
    String removeHint() {
        return " UNDO to remove it.";
    }

    @Override
    String completed(String title, String nextWhen) {
        return "Done: " + title + ". Well done!" + (nextWhen == null ? "" : " Next one " + nextWhen + ".");
    }

    @Override
    String undoHint() {
        return " UNDO to take it back.";
    }

    @Override
    String snoozed(String title, String until) {
        return "Snoozed " + title + " until " + until + ".";
    }

    @Override
    String brokenDown(String title, int steps) {
        return "Split " + title + " into " + steps + " steps:";
    }

    @Override
    String undone(Conversation.UndoKind kind, String title) {
        return switch (kind) {
            case CREATED -> "Undone: removed " + title + ".";
            case COMPLETED -> "Undone: " + title + " is open again.";
            case SNOOZED -> "Undone: " + title + " is no longer snoozed.";
        };
    }

    @Override
    String emptyList(String listName) {
        return switch (listName) {
            case "Tomorrow" -> "Nothing due tomorrow. Text a task to add it.";
            case "Overdue" -> "Nothing overdue. Nice!";
            default -> "Nothing due today. Text a task to add it.";
        };
    }

    @Override
    String listTitle(String listName) {
        return listName;
    }

    @Override
    String moreLine(int remaining) {
        return "MORE for " + remaining + " more";
    }

    @Override
    String doneMark() {
        return " (done)";
    }

    @Override
    String removedLine() {
        return "(removed)";
    }

    @Override
    String today() {
        return "today";
    }

    @Override
    String tomorrow() {
        return "tomorrow";
    }

    @Override
    String yesterday() {
        return "yesterday";
    }

    @Override
    String day(LocalDate date) {
        return DAY.format(date);
    }

    @Override
    String time(LocalTime time) {
        return TIME.format(time);
    }

    @Override
    String didSoFar(Conversation.UndoKind action, String title) {
        return switch (action) {
            case CREATED -> "added " + title;
            case COMPLETED -> "completed " + title;
            case SNOOZED -> "snoozed " + title;
        };
    }

    @Override
    String couldNotAnswer(List<String> doneSoFar) {
        return "Sorry, I could not answer that just now."
                + (doneSoFar.isEmpty() ? "" : " So far I " + String.join(", ", doneSoFar) + ".")
                + " Text HELP for commands.";
    }
}
