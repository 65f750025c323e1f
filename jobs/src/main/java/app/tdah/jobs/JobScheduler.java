package app.tdah.jobs;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

import static org.quartz.JobBuilder.newJob;

/**
 * Quartz in clustered JDBC job store mode on PostgreSQL: every node that has the worker role runs one, and each
 * trigger fires on exactly one of them.
 */
public final class JobScheduler implements AutoCloseable {

    private static final String GROUP = "personal-assistant";

    private final Scheduler scheduler;

    private JobScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public static JobScheduler start(SchedulerSettings settings, List<ScheduledJob> jobs, JobRunLog runLog) {
        try {
            Scheduler scheduler = new StdSchedulerFactory(quartzProperties(settings)).getScheduler();
            scheduler.setJobFactory(factoryFor(jobs));
            scheduler.getListenerManager().addJobListener(new JobMetrics());
            scheduler.getListenerManager().addJobListener(new JobRunRecorder(runLog));
            for (ScheduledJob job : jobs) {
                ensureScheduled(scheduler, job);
            }
            scheduler.start();
            return new JobScheduler(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("The job scheduler did not start: " + e.getMessage(), e);
        }
    }

    /** True while this node's scheduler runs and can reach its job store. */
    public boolean isHealthy() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && scheduler.getMetaData().isJobStoreClustered()
                    && scheduler.getJobGroupNames() != null;
        } catch (SchedulerException e) {
            return false;
        }
    }

    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    /** Fires a job now, on whichever node acquires it first; for operators and tests. */
    public void triggerNow(String name) throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(name, GROUP));
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the job and its trigger unless another node already has. Existing triggers are kept so that a restart
     * does not reset their timing; a changed schedule is applied by rescheduling.
     */
    private static void ensureScheduled(Scheduler scheduler, ScheduledJob job) throws SchedulerException {
        JobDetail detail = newJob(job.type())
                .withIdentity(job.name(), GROUP)
                .requestRecovery(job.requestsRecovery())
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(job.name(), GROUP)
                .forJob(detail)
                .withSchedule(job.schedule())
                .startNow()
                .build();
        try {
            if (!scheduler.checkExists(detail.getKey())) {
                scheduler.scheduleJob(detail, java.util.Set.of(trigger), false);
            } else if (!scheduler.checkExists(TriggerKey.triggerKey(job.name(), GROUP))) {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException raced) {
            // Another node stored it between our check and our insert: the cluster has it, which is all we wanted.
        }
    }

    private static JobFactory factoryFor(List<ScheduledJob> jobs) {
        Map<Class<? extends Job>, Supplier<? extends Job>> factories = jobs.stream()
                .collect(Collectors.toMap(ScheduledJob::type, ScheduledJob::factory));
        return (bundle, scheduler) -> {
            Supplier<? extends Job> factory = factories.get(bundle.getJobDetail().getJobClass());
            if (factory == null) {
                throw new SchedulerException("No factory for job " + bundle.getJobDetail().getJobClass().getName());
            }
            return factory.get();
        };
    }

    private static Properties quartzProperties(SchedulerSettings settings) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SchedulerSettings.SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // Job data as string properties, never serialized Java objects: nothing to deserialize, nothing to exploit.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.checkinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.dataSource", "pa");
        p.setProperty("org.quartz.dataSource.pa.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.pa.driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource.pa.URL", settings.jdbcUrl());
        p.setProperty("org.quartz.dataSource.pa.user", settings.user());
        p.setProperty("org.quartz.dataSource.pa.password", settings.password());
        p.setProperty("org.quartz.dataSource.pa.maxConnections", Integer.toString(settings.connectionPoolSize()));
        return p;
    }
}
