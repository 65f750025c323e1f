package app.tdah.jobs;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Dispatches due reminders in batches until none are left. Each batch is one transaction that claims its rows with
 * FOR UPDATE SKIP LOCKED, so several nodes (or a rerun after a crash) never deliver a reminder twice. Runs may overlap
 * on purpose: when one node is busy with a large batch, the next firing on another node shares the work.
 */
public final class DispatchRemindersJob implements Job {

    static final int BATCH_SIZE = 200;

    private final DueReminders reminders;

    public DispatchRemindersJob(DueReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            int total = 0;
            int claimed;
            do {
                claimed = reminders.dispatchDue(BATCH_SIZE);
                total += claimed;
            } while (claimed == BATCH_SIZE);
            context.setResult(total);
        } catch (RuntimeException e) {
            throw new JobExecutionException("Dispatching reminders failed", e, false);
        }
    }
}
