package app.tdah.jobs;

import java.time.Duration;

/**
 * How the clustered scheduler runs.
 *
 * @param threadCount      worker threads per node; the connection pool gets three more (Quartz's own guidance:
 *                         cluster check-in, misfire handling and trigger acquisition need connections of their own)
 * @param checkinInterval  how often a node tells the cluster it is alive; a node silent for about this long is
 *                         presumed dead and its in-flight jobs that request recovery are run again elsewhere
 * @param misfireThreshold how late a trigger may fire before it counts as misfired and follows its misfire policy
 */
public record SchedulerSettings(String jdbcUrl, String user, String password, String instanceId, int threadCount,
                                Duration checkinInterval, Duration misfireThreshold) {

    /** The scheduler name shared by every node of one installation; lock rows are seeded under it. */
    public static final String SCHEDULER_NAME = "personal-assistant";

    public static SchedulerSettings defaults(String jdbcUrl, String user, String password) {
        return new SchedulerSettings(jdbcUrl, user, password, "AUTO", 4, Duration.ofMillis(7_500), Duration.ofSeconds(60));
    }

    public int connectionPoolSize() {
        return threadCount + 3;
    }
}
