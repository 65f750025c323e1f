package app.tdah.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tdah.capture.Due;
import app.tdah.capture.Priority;

/** What a person asks for when creating a task, before validation. */
public record TaskDraft(String title, String notes, Due due, Priority priority, List<String> tags, Integer estimateMinutes,
                        String rrule, boolean repeatAfterCompletion, UUID parentId, List<ReminderDraft> reminders) {

    /** A reminder to add: at an instant, or some minutes before the due. */
    public record ReminderDraft(Instant remindAt, Integer offsetMinutes, List<Reminder.Channel> channels) {
    }
}
