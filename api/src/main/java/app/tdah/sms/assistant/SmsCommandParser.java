package app.tdah.sms.assistant;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tdah.sms.assistant.SmsCommand.SnoozeLength;

/**
 * Reads a text as a command. The commands are a few fixed words, so a task that happens to start with one ("next
 * week's report") is still a task: only the whole text matching a command's form is that command.
 */
final class SmsCommandParser {

    /** "snooze" alone: an hour, the choice a person in a hurry most often makes. */
    static final int DEFAULT_SNOOZE_MINUTES = 60;

    private static final Set<String> HELP = Set.of("help", "info", "?", "commands", "menu");
    private static final Set<String> TODAY = Set.of("today", "list", "ls", "tasks");
    private static final Pattern NUMBERED = Pattern.compile("(done|break ?down)(?: #?(\\d{1,3}))?");
    private static final Pattern SNOOZE = Pattern.compile("snooze(?: #?(\\d{1,3}))?(?: (?:for )?(tomorrow|(\\d{1,4}) ?(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)))?");
    private static final Pattern QUESTION_START = Pattern.compile("(what|what's|whats|when|where|which|who|why|how|can|could|should|would)\\b.*");

    private SmsCommandParser() {
    }

    static SmsCommand parse(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        String command = text.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        if (HELP.contains(command)) {
            return new SmsCommand.Help();
        }
        if (TODAY.contains(command)) {
            return new SmsCommand.Today();
        }
        switch (command) {
            case "tomorrow" -> {
                return new SmsCommand.Tomorrow();
            }
            case "overdue", "late" -> {
                return new SmsCommand.Overdue();
            }
            case "next" -> {
                return new SmsCommand.Next();
            }
            case "more" -> {
                return new SmsCommand.More();
            }
            case "undo" -> {
                return new SmsCommand.Undo();
            }
            default -> {
            }
        }
        Matcher numbered = NUMBERED.matcher(command);
        if (numbered.matches()) {
            Integer number = numbered.group(2) == null ? null : Integer.valueOf(numbered.group(2));
            return numbered.group(1).equals("done") ? new SmsCommand.Done(number) : new SmsCommand.BreakDown(number);
        }
        Matcher snooze = SNOOZE.matcher(command);
        if (snooze.matches()) {
            Integer number = snooze.group(1) == null ? null : Integer.valueOf(snooze.group(1));
            return new SmsCommand.Snooze(number, length(snooze));
        }
        if (command.endsWith("?") || QUESTION_START.matcher(command).matches()) {
            return new SmsCommand.Question(text);
        }
        return new SmsCommand.Capture(text);
    }

    private static SnoozeLength length(Matcher snooze) {
        if (snooze.group(2) == null) {
            return new SnoozeLength.Minutes(DEFAULT_SNOOZE_MINUTES);
        }
        if (snooze.group(2).equals("tomorrow")) {
            return new SnoozeLength.UntilTomorrow();
        }
        int amount = Integer.parseInt(snooze.group(3));
        int perUnit = switch (snooze.group(4).charAt(0)) {
            case 'h' -> 60;
            case 'd' -> 24 * 60;
            default -> 1;
        };
        return new SnoozeLength.Minutes(amount * perUnit);
    }
}
