package app.tdah.sms.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.tdah.capture.Due;
import app.tdah.tasks.Task;
import app.tdah.tasks.TaskCommands;
import app.tdah.tasks.TaskQueries;

/**
 * The changes a text can make to tasks, each remembered so that "undo" can take it back: through the task service,
 * as the web app makes them. The grammar's commands and the language model's tools both act through here.
 */
final class TaskActions {

    private final TaskQueries queries;
    private final TaskCommands tasks;
    private final SmsAssistantRepository repository;
    private final Clock clock;

    TaskActions(TaskQueries queries, TaskCommands tasks, SmsAssistantRepository repository, Clock clock) {
        this.queries = queries;
        this.tasks = tasks;
        this.repository = repository;
        this.clock = clock;
    }

    TaskCommands.Result capture(SmsAssistant.Texter person, String text) {
        UUID userId = person.id();
        TaskCommands.Result result = tasks.capture(userId, text, person.zoneAndLanguage());
        result.task().ifPresent(task -> remember(userId, new Conversation.Undo(Conversation.UndoKind.CREATED, task.id(),
                null, null, null)));
        return result;
    }

    /**
     * Completes the task. Undo reopens it; a recurring task moved on to its next occurrence instead, so undo puts back
     * the due of the occurrence that was completed.
     */
    TaskCommands.Result complete(SmsAssistant.Texter person, Task before) {
        UUID userId = person.id();
        TaskCommands.Result result = tasks.complete(userId, before.id(), person.zone());
        result.task().filter(after -> before.status() == Task.Status.OPEN).ifPresent(after -> {
            boolean movedOn = after.status() == Task.Status.OPEN;
            remember(userId, new Conversation.Undo(Conversation.UndoKind.COMPLETED, before.id(), null,
                    movedOn && before.due() instanceof Due.AllDay d ? d.date() : null,
                    movedOn && before.due() instanceof Due.Timed t ? t.at().toInstant() : null));
        });
        return result;
    }

    TaskCommands.Result snooze(UUID userId, Task before, Instant until) {
        TaskCommands.Result result = tasks.snooze(userId, before.id(), until);
        result.task().ifPresent(after -> remember(userId, new Conversation.Undo(Conversation.UndoKind.SNOOZED,
                before.id(), before.snoozedUntil(), null, null)));
        return result;
    }

    /** Takes back the last action; the reply says what was undone. */
    String undo(SmsAssistant.Texter person) {
        UUID userId = person.id();
        Conversation.Undo undo = repository.conversation(userId).undo();
        if (undo == null) {
            return person.replies().nothingToUndo();
        }
        repository.rememberUndo(userId, null, clock.instant());
        Optional<Task> task = queries.find(userId, undo.taskId());
        if (task.isEmpty()) {
            return person.replies().nothingToUndo();
        }
        switch (undo.kind()) {
            case CREATED -> tasks.delete(userId, undo.taskId());
            case COMPLETED -> {
                if (undo.dueDate() != null || undo.dueAt() != null) {
                    tasks.undoCompletion(userId, undo.taskId(), undo.dueDate() != null ? new Due.AllDay(undo.dueDate())
                            : new Due.Timed(undo.dueAt().atZone(person.zone())));
                } else {
                    tasks.reopen(userId, undo.taskId());
                }
            }
            case SNOOZED -> {
                if (undo.snoozedUntil() != null && undo.snoozedUntil().isAfter(clock.instant())) {
                    tasks.snooze(userId, undo.taskId(), undo.snoozedUntil());
                } else {
                    tasks.unsnooze(userId, undo.taskId());
                }
            }
        }
        return person.replies().undone(undo.kind(), task.get());
    }

    private void remember(UUID userId, Conversation.Undo undo) {
        repository.rememberUndo(userId, undo, clock.instant());
    }
}
