package app.tdah.jobs;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.listeners.JobListenerSupport;

/** Records every job run, with its node and outcome, through the {@link JobRunLog} port. */
final class JobRunRecorder extends JobListenerSupport {

    private static final System.Logger LOG = System.getLogger(JobRunRecorder.class.getName());
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final JobRunLog log;

    JobRunRecorder(JobRunLog log) {
        this.log = log;
    }

    @Override
    public String getName() {
        return "job-run-recorder";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        try {
            String error = failure == null ? null : String.valueOf(failure.getCause() == null ? failure.getMessage() : failure.getCause());
            log.record(new JobRunLog.JobRun(context.getJobDetail().getKey().getName(), context.getScheduler().getSchedulerInstanceId(),
                    context.getFireTime().toInstant(), context.getJobRunTime(), failure == null,
                    error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH)));
        } catch (SchedulerException | RuntimeException e) {
            // Losing one run's record must not fail the run itself.
            LOG.log(System.Logger.Level.WARNING, "Could not record a job run", e);
        }
    }
}
