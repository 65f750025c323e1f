package app.tdah.jobs;

import java.time.Clock;
import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Deletes operational records past their retention (job runs older than 14 days). */
@DisallowConcurrentExecution
public final class ApplyRetentionJob implements Job {

    static final Duration JOB_RUNS_KEPT = Duration.ofDays(14);

    /** Port: deletes records older than the cutoff; returns how many. */
    public interface Retention {
        long purgeBefore(java.time.Instant cutoff);
    }

    private final Retention jobRuns;
    private final Clock clock;

    public ApplyRetentionJob(Retention jobRuns, Clock clock) {
        this.jobRuns = jobRuns;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            context.setResult(jobRuns.purgeBefore(clock.instant().minus(JOB_RUNS_KEPT)));
        } catch (RuntimeException e) {
            throw new JobExecutionException("Applying retention failed", e, false);
        }
    }
}
