package app.tdah.jobs;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Deletes expired refresh tokens (and, as features add them, other expired credentials). */
@DisallowConcurrentExecution
public final class PurgeExpiredTokensJob implements Job {

    private static final System.Logger LOG = System.getLogger(PurgeExpiredTokensJob.class.getName());

    private final TokenPurge purge;
    private final Clock clock;

    public PurgeExpiredTokensJob(TokenPurge purge, Clock clock) {
        this.purge = purge;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            long deleted = purge.purgeExpired(clock.instant());
            context.setResult(deleted);
            LOG.log(System.Logger.Level.DEBUG, "Purged {0} expired tokens", deleted);
        } catch (RuntimeException e) {
            throw new JobExecutionException("Purging expired tokens failed", e, false);
        }
    }
}
