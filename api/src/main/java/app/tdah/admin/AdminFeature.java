package app.tdah.admin;

import app.tdah.accounts.AccountRecords;
import app.tdah.jobs.ApplyRetentionJob;
import app.tdah.jobs.ScheduledJob;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import org.quartz.SimpleScheduleBuilder;

/** What operators see and do: people and roles, the audit log, the scheduler, and the retention of job runs. */
public final class AdminFeature {

    private final SchedulerRepository scheduler;
    private final UserAdminService people;
    private final Feature feature;

    private AdminFeature(SchedulerRepository scheduler, UserAdminService people, Feature feature) {
        this.scheduler = scheduler;
        this.people = people;
        this.feature = feature;
    }

    public static AdminFeature create(Foundation foundation, AccountRecords accounts) {
        SchedulerRepository scheduler = new SchedulerRepository(foundation.db());
        UserAdminService people = new UserAdminService(new UserAdminRepository(foundation.db()), accounts, foundation.audit());
        Feature feature = Feature.builder()
                .graphQl(new AdminGraphQl(new SchedulerService(scheduler, foundation.clock())))
                .graphQl(new UserAdminGraphQl(people))
                .job(new ScheduledJob("apply-retention", ApplyRetentionJob.class,
                        () -> new ApplyRetentionJob(scheduler::purgeRunsBefore, foundation.clock()),
                        SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        false))
                .build();
        return new AdminFeature(scheduler, people, feature);
    }

    /** The scheduler's own records, which the job scheduler writes and the admin view reads. */
    public SchedulerRepository scheduler() {
        return scheduler;
    }

    /** People and roles, which a person's own account asks before it may close (the last admin stays). */
    public UserAdminService people() {
        return people;
    }

    public Feature feature() {
        return feature;
    }
}
