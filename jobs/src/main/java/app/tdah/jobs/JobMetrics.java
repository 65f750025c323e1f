package app.tdah.jobs;

import java.time.Duration;
import java.util.List;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.listeners.JobListenerSupport;

/**
 * Every job's runs, failures and duration, on the node that ran it: {@code jobs_runs_total{job}},
 * {@code jobs_failures_total{job}} and the {@code jobs_duration_seconds{job}} histogram.
 */
final class JobMetrics extends JobListenerSupport {

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)};

    @Override
    public String getName() {
        return "job-metrics";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        List<Tag> job = List.of(Tag.create("job", context.getJobDetail().getKey().getName()));
        Metrics.getOrCreate(Counter.builder("jobs.runs").description("Job runs on this node").tags(job)).increment();
        if (failure != null) {
            Metrics.getOrCreate(Counter.builder("jobs.failures").description("Job runs that failed").tags(job)).increment();
        }
        Metrics.getOrCreate(Timer.builder("jobs.duration").description("Job run time").buckets(BUCKETS).tags(job))
                .record(Duration.ofMillis(context.getJobRunTime()));
    }
}
