package app.tdah.jobs.mail;

import java.time.Clock;

import app.tdah.jobs.outbox.DeliveryException;
import app.tdah.jobs.outbox.OutboxMetrics;
import app.tdah.jobs.outbox.OutboxSender;
import app.tdah.jobs.outbox.RetryPolicy;

import org.quartz.DisallowConcurrentExecution;

/**
 * Sends the mail outbox through the mail server. Its counters: {@code mail_sent_total},
 * {@code mail_failed_total{kind}}, {@code mail_dead_total}.
 */
@DisallowConcurrentExecution
public final class SendMailJob extends OutboxSender<OutgoingMail> {

    private static final OutboxMetrics METRICS = new OutboxMetrics("mail", "Mail", "the SMTP server");

    private final MailOutbox outbox;
    private final MailSender sender;

    public SendMailJob(MailOutbox outbox, MailSender sender, RetryPolicy retry, Clock clock) {
        super(outbox, retry, METRICS, clock);
        this.outbox = outbox;
        this.sender = sender;
    }

    @Override
    protected void send(OutgoingMail mail) throws DeliveryException {
        sender.send(mail);
        outbox.markSent(mail.id(), clock.instant());
    }
}
