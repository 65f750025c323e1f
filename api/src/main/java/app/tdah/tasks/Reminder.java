package app.tdah.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reminder on a task: at an instant, or some minutes before the task's due. */
public record Reminder(UUID id, UUID taskId, Instant remindAt, Integer offsetMinutes, List<Channel> channels, Instant nextFireAt) {

    public enum Channel { IN_APP, EMAIL, SMS }
}
