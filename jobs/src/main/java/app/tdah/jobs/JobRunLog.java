package app.tdah.jobs;

import java.time.Instant;

/** Port: where each job run is recorded, for the admin view of the cluster's jobs. */
public interface JobRunLog {

    record JobRun(String job, String node, Instant startedAt, long durationMillis, boolean succeeded, String error) {
    }

    void record(JobRun run);
}
