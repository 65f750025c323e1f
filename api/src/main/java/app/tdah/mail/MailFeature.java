package app.tdah.mail;

import static app.tdah.platform.ConfigValues.nonBlank;

import java.time.Duration;

import app.tdah.jobs.outbox.RetryPolicy;
import app.tdah.jobs.mail.PurgeSentMailJob;
import app.tdah.jobs.mail.SendMailJob;
import app.tdah.jobs.mail.SmtpMailSender;
import app.tdah.jobs.mail.SmtpSettings;
import app.tdah.jobs.ScheduledJob;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.config.Config;
import org.quartz.SimpleScheduleBuilder;

/**
 * Mail: every message goes into the outbox ({@link MailService}); the {@code send-mail} job hands it to SMTP, and the
 * {@code purge-sent-mail} job deletes it {@code pa.mail.retention.days} after it went out (or was given up).
 */
public final class MailFeature {

    private final MailService mail;
    private final Feature feature;

    private MailFeature(MailService mail, Feature feature) {
        this.mail = mail;
        this.feature = feature;
    }

    public static MailFeature create(Foundation foundation) {
        Config config = foundation.config();
        MailOutboxRepository outbox = new MailOutboxRepository(foundation.db());
        SmtpSettings smtp = smtp(config.get("smtp"), foundation.publicUrl().getHost());
        RetryPolicy retry = RetryPolicy.withMaxAttempts(config.get("mail.max.attempts").asInt().get());
        Duration retention = Duration.ofDays(config.get("mail.retention.days").asInt().get());
        Feature feature = Feature.builder()
                .job(new ScheduledJob("send-mail", SendMailJob.class,
                        () -> new SendMailJob(outbox, new SmtpMailSender(smtp), retry, foundation.clock()),
                        SimpleScheduleBuilder.repeatSecondlyForever(10).withMisfireHandlingInstructionNextWithRemainingCount(),
                        true))
                .job(new ScheduledJob("purge-sent-mail", PurgeSentMailJob.class,
                        () -> new PurgeSentMailJob(outbox, retention, foundation.clock()),
                        SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount(),
                        false))
                .build();
        return new MailFeature(new MailService(outbox, foundation.clock()), feature);
    }

    /** Without settings, a mail server on this machine; the From address defaults to no-reply at the public host. */
    private static SmtpSettings smtp(Config smtp, String publicHost) {
        SmtpSettings.Security security = SmtpSettings.Security.parse(smtp.get("security").asString().get());
        return new SmtpSettings(
                smtp.get("host").asString().get(),
                smtp.get("port").asInt().orElse(security.defaultPort()),
                security,
                nonBlank(smtp.get("user")),
                smtp.get("password").asString().get(),
                nonBlank(smtp.get("from")).orElse("Personal Assistant <no-reply@" + publicHost + ">"),
                Duration.ofSeconds(smtp.get("connect.timeout.seconds").asInt().get()),
                Duration.ofSeconds(smtp.get("read.timeout.seconds").asInt().get()));
    }

    public MailService mail() {
        return mail;
    }

    public Feature feature() {
        return feature;
    }
}
