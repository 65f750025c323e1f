package app.tdah.jobs;

import java.util.function.Supplier;

import org.quartz.Job;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * A job the cluster runs on a schedule.
 *
 * @param name            unique name; the job and its trigger are stored under it
 * @param factory         makes the job with its ports (Quartz instantiates nothing itself)
 * @param schedule        when it fires
 * @param requestsRecovery run again on another node if the node running it dies mid-run
 */
public record ScheduledJob(String name, Class<? extends Job> type, Supplier<? extends Job> factory,
                           ScheduleBuilder<? extends Trigger> schedule, boolean requestsRecovery) {
}
