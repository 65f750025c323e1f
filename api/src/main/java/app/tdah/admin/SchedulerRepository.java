package app.tdah.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import app.tdah.jobs.JobRunLog;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** All SQL of the cluster's job view: job runs, and Quartz's own tables read for triggers and nodes. */
public final class SchedulerRepository implements JobRunLog {

    private final DbClient db;

    public SchedulerRepository(DbClient db) {
        this.db = db;
    }

    public record JobStatus(String name, String state, Instant nextFireTime, Instant previousFireTime) {
    }

    public record Run(String job, String node, Instant startedAt, long durationMs, boolean succeeded, String error) {
    }

    public record Node(String instanceId, Instant lastCheckin, long checkinIntervalMs) {
    }

    @Override
    public void record(JobRun run) {
        db.execute().insert("INSERT INTO job_runs (job, node, started_at, duration_ms, succeeded, error) VALUES (?, ?, ?, ?, ?, ?)",
                run.job(), run.node(), run.startedAt().atOffset(ZoneOffset.UTC), run.durationMillis(), run.succeeded(), run.error());
    }

    /** Deletes job runs older than the cutoff; returns how many. */
    public long purgeRunsBefore(Instant cutoff) {
        return db.execute().delete("DELETE FROM job_runs WHERE started_at < ?", cutoff.atOffset(ZoneOffset.UTC));
    }

    List<JobStatus> jobs() {
        // Each job's own schedule is the trigger named after it; one-off triggers ("run now", recovery) are left out.
        return db.execute().query("SELECT job_name, trigger_state, next_fire_time, prev_fire_time FROM qrtz_triggers "
                        + "WHERE trigger_name = job_name ORDER BY job_name")
                .map(row -> new JobStatus(row.column("job_name").get(String.class), row.column("trigger_state").get(String.class),
                        epochMillis(row, "next_fire_time"), epochMillis(row, "prev_fire_time")))
                .toList();
    }

    /** The latest run of every job, in one statement. */
    List<Run> lastRuns() {
        return db.execute().query("SELECT DISTINCT ON (job) job, node, started_at, duration_ms, succeeded, error FROM job_runs "
                        + "ORDER BY job, started_at DESC")
                .map(SchedulerRepository::run)
                .toList();
    }

    List<Run> recentFailures(int limit) {
        return db.execute().query("SELECT job, node, started_at, duration_ms, succeeded, error FROM job_runs WHERE NOT succeeded "
                        + "ORDER BY started_at DESC LIMIT ?", limit)
                .map(SchedulerRepository::run)
                .toList();
    }

    List<Node> nodes() {
        return db.execute().query("SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state ORDER BY instance_name")
                .map(row -> new Node(row.column("instance_name").get(String.class), epochMillis(row, "last_checkin_time"),
                        row.column("checkin_interval").get(Long.class)))
                .toList();
    }

    private static Run run(DbRow row) {
        return new Run(row.column("job").get(String.class), row.column("node").get(String.class),
                row.column("started_at").get(Timestamp.class).toInstant(), row.column("duration_ms").get(Long.class),
                row.column("succeeded").get(Boolean.class), row.column("error").get(String.class));
    }

    /** Quartz stores times as epoch milliseconds; -1 or null means none. */
    private static Instant epochMillis(DbRow row, String column) {
        Long millis = row.column(column).get(Long.class);
        return millis == null || millis < 0 ? null : Instant.ofEpochMilli(millis);
    }
}
