package app.tdah.jobs.mail;

import java.time.Clock;

import app.tdah.jobs.mail.MailDeliveryException.Failure;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Sends the outbox: claims due mail in batches, hands each to the mail server and records the outcome at once, so a
 * mail the server accepted is never sent again. Passing failures come back later with backoff; final ones, and mail
 * out of attempts, are DEAD with the server's reason.
 */
@DisallowConcurrentExecution
public final class SendMailJob implements Job {


    private final MailOutbox outbox;
    private final MailSender sender;
    private final RetryPolicy retry;
    private final Clock clock;

    public SendMailJob(MailOutbox outbox, MailSender sender, RetryPolicy retry, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            context.setResult(sendDue());
        } catch (RuntimeException e) {
            throw new JobExecutionException("Sending mail failed", e, false);
        }
    }

    /** Sends every mail due now; returns how many the server accepted. Safe to run on several nodes at once. */
    public int sendDue() {
        return outbox.drain(clock, "mails", batch -> (int) batch.stream().filter(this::deliver).count());
    }

    private boolean deliver(OutgoingMail mail) {
        try {
            sender.send(mail);
        } catch (MailDeliveryException e) {
            recordFailure(mail, e);
            return false;
        }
        outbox.markSent(mail.id(), clock.instant());
        MailMetrics.sent();
        return true;
    }

    private void recordFailure(OutgoingMail mail, MailDeliveryException e) {
        MailMetrics.failed(e.failure());
        if (outbox.recordFailure(mail.id(), mail.attempts(), e.failure() == Failure.PERMANENT, e.getMessage(), retry, clock, "Mail")) {
            MailMetrics.dead();
        }
    }
}
