package app.tdah.sms.assistant;

/** What a person's text asks the assistant to do. Numbers refer to the last list shown, counting from 1. */
sealed interface SmsCommand {

    record Help() implements SmsCommand {
    }

    record Today() implements SmsCommand {
    }

    record Tomorrow() implements SmsCommand {
    }

    record Overdue() implements SmsCommand {
    }

    record Next() implements SmsCommand {
    }

    /** The next page of the last list. */
    record More() implements SmsCommand {
    }

    /** {@code number} null: the task just reminded (or the only one shown). */
    record Done(Integer number) implements SmsCommand {
    }

    record Snooze(Integer number, SnoozeLength length) implements SmsCommand {
    }

    record BreakDown(Integer number) implements SmsCommand {
    }

    record Undo() implements SmsCommand {
    }

    /** A question for the language model, when the person may use it. */
    record Question(String text) implements SmsCommand {
    }

    /** Anything else is a new task, read by the capture grammar. */
    record Capture(String text) implements SmsCommand {
    }

    sealed interface SnoozeLength {
        record Minutes(int minutes) implements SnoozeLength {
        }

        /** Until tomorrow morning in the person's zone. */
        record UntilTomorrow() implements SnoozeLength {
        }
    }
}
