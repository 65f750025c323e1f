package app.tdah.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tdah.capture.Due;
import app.tdah.capture.Priority;

/** A task (or a subtask, when it has a parent) as stored. */
public record Task(UUID id, UUID userId, UUID parentId, int position, String title, String notes, Due due,
                   Priority priority, List<String> tags, Status status, Integer estimateMinutes, String rrule,
                   boolean repeatAfterCompletion, Instant snoozedUntil, int missedCount, Instant brokenDownAt,
                   Instant createdAt, Instant completedAt) {

    public enum Status { OPEN, DONE, CANCELLED }

    /**
     * Where the task sits in the task list of its status: an open task by when it was created, a finished one by when
     * it was finished (a cancelled task, which keeps no such time, by when it was created).
     */
    public Instant listedAt() {
        return status == Status.OPEN || completedAt == null ? createdAt : completedAt;
    }

    public boolean isRecurring() {
        return rrule != null;
    }

    Task withDue(Due newDue) {
        return new Task(id, userId, parentId, position, title, notes, newDue, priority, tags, status, estimateMinutes, rrule,
                repeatAfterCompletion, snoozedUntil, missedCount, brokenDownAt, createdAt, completedAt);
    }

    Task withStatus(Status newStatus, Instant newCompletedAt) {
        return new Task(id, userId, parentId, position, title, notes, due, priority, tags, newStatus, estimateMinutes, rrule,
                repeatAfterCompletion, snoozedUntil, missedCount, brokenDownAt, createdAt, newCompletedAt);
    }

    Task withSnoozedUntil(Instant until) {
        return new Task(id, userId, parentId, position, title, notes, due, priority, tags, status, estimateMinutes, rrule,
                repeatAfterCompletion, until, missedCount, brokenDownAt, createdAt, completedAt);
    }

    Task withBrokenDownAt(Instant at) {
        return new Task(id, userId, parentId, position, title, notes, due, priority, tags, status, estimateMinutes, rrule,
                repeatAfterCompletion, snoozedUntil, missedCount, at, createdAt, completedAt);
    }

    /** The same recurring task moved to its next occurrence: open, not snoozed. */
    Task movedTo(Due next) {
        return withDue(next).withStatus(Status.OPEN, null).withSnoozedUntil(null);
    }
}
