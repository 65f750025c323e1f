package app.tdah.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import app.tdah.capture.Due;

/** Occurrences whose due passed without completion: counted once each, and what follows from them. */
public final class MissedTasks {

    private final TaskRepository repository;
    private final TaskCommands commands;
    private final Clock clock;

    public MissedTasks(TaskRepository repository, TaskCommands commands, Clock clock) {
        this.repository = repository;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Counts each due occurrence that passed without completion, once (a unique row per occurrence makes reruns and
     * concurrent nodes harmless). A recurring task then moves on to its next occurrence; a task missed as often as
     * its owner's threshold gets broken into small steps. Returns how many occurrences were counted.
     */
    public int countMissed(int batchSize) {
        Instant now = clock.instant();
        int counted = 0;
        for (TaskRepository.MissCandidate candidate : repository.missCandidates(now, batchSize)) {
            Task task = candidate.task();
            ZoneId zone = candidate.owner().zone();
            // A task that repeats after completion has no next occurrence until it is done: it stays where it is.
            Optional<Due> next = task.isRecurring() && !task.repeatAfterCompletion() ? Occurrences.next(task, now, zone) : Optional.empty();
            Optional<Integer> missedCount = repository.countMissAndMove(task, next.orElse(null));
            if (missedCount.isEmpty()) {
                continue;
            }
            if (next.isPresent()) {
                repository.inTransaction(tx -> repository.refreshReminderTimes(tx, task.id(), now));
            }
            counted++;
            if (missedCount.get() >= candidate.breakdownThreshold() && task.parentId() == null && task.brokenDownAt() == null
                    && repository.countSubtasks(task.userId(), task.id()) == 0) {
                commands.breakDown(task.userId(), task.id(), candidate.owner());
            }
        }
        return counted;
    }
}
