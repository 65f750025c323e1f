package app.tdah.digest;

import app.tdah.accounts.AccountRecords;
import app.tdah.integrations.sync.SyncedMail;
import app.tdah.jobs.ScheduledJob;
import app.tdah.jobs.SendDailyDigestsJob;
import app.tdah.mail.MailService;
import app.tdah.tasks.TaskQueries;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import org.quartz.SimpleScheduleBuilder;

/** The daily digest: a mail at each person's chosen local time with their day and the mail that needs an answer. */
public final class DigestFeature {

    private DigestFeature() {
    }

    public static Feature create(Foundation foundation, AccountRecords accounts, TaskQueries tasks, SyncedMail syncedMail,
                                 MailService mail) {
        DailyDigestSender sender = new DailyDigestSender(new DigestRepository(foundation.db()), accounts, tasks, syncedMail,
                mail, foundation.clock());
        return Feature.builder()
                .job(new ScheduledJob("send-daily-digests", SendDailyDigestsJob.class,
                        () -> new SendDailyDigestsJob(sender),
                        SimpleScheduleBuilder.repeatMinutelyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        true))
                .build();
    }
}
