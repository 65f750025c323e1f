package app.tdah.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Counts missed due occurrences, in batches until none are left. Counting is idempotent in the database, so a rerun
 * after a crash or an overlap with another node counts nothing twice.
 */
@DisallowConcurrentExecution
public final class CountMissedTasksJob implements Job {

    static final int BATCH_SIZE = 500;

    private final MissedTasks missedTasks;

    public CountMissedTasksJob(MissedTasks missedTasks) {
        this.missedTasks = missedTasks;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            int total = 0;
            int counted;
            do {
                counted = missedTasks.countMissed(BATCH_SIZE);
                total += counted;
            } while (counted == BATCH_SIZE);
            context.setResult(total);
        } catch (RuntimeException e) {
            throw new JobExecutionException("Counting missed tasks failed", e, false);
        }
    }
}
