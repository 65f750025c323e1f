package app.tdah.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Queues the daily digests whose local time has come, every minute; each person's is queued once a day. */
@DisallowConcurrentExecution
public final class SendDailyDigestsJob implements Job {

    static final int BATCH_SIZE = 200;

    private final DailyDigests digests;

    public SendDailyDigestsJob(DailyDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            context.setResult(digests.sendDue(BATCH_SIZE));
        } catch (RuntimeException e) {
            throw new JobExecutionException("Sending daily digests failed", e, false);
        }
    }
}
