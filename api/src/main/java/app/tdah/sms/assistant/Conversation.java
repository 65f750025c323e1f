package app.tdah.sms.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the assistant remembers of a person's texts: the last list shown, numbered from 1, where its next page
 * starts, and the last action "undo" can take back (null when there is none).
 */
record Conversation(List<UUID> listTaskIds, String listName, int listNextOffset, Undo undo) {

    static final Conversation NEW = new Conversation(List.of(), null, 0, null);

    Conversation {
        listTaskIds = List.copyOf(listTaskIds);
    }

    enum UndoKind { CREATED, COMPLETED, SNOOZED }

    /**
     * One action and what the task was before it: its snooze for SNOOZED; for a COMPLETED recurring task, the due of
     * the occurrence that was completed (it moved on to the next one).
     */
    record Undo(UndoKind kind, UUID taskId, Instant snoozedUntil, LocalDate dueDate, Instant dueAt) {
    }
}
