package app.tdah.jobs.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Deletes mail the outbox has finished with (sent, or given up) once it is older than the retention: reminder and
 * digest bodies carry task titles, which the outbox has no reason to keep once the mail is out.
 */
@DisallowConcurrentExecution
public final class PurgeSentMailJob implements Job {

    /** Port: deletes mail sent (or given up) before the cutoff; returns how many. */
    public interface FinishedMail {
        long purgeFinishedBefore(Instant cutoff);
    }

    private final FinishedMail outbox;
    private final Duration retention;
    private final Clock clock;

    public PurgeSentMailJob(FinishedMail outbox, Duration retention, Clock clock) {
        this.outbox = outbox;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            context.setResult(outbox.purgeFinishedBefore(clock.instant().minus(retention)));
        } catch (RuntimeException e) {
            throw new JobExecutionException("Purging sent mail failed", e, false);
        }
    }
}
