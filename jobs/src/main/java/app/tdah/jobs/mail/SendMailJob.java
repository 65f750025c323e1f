package app.tdah.jobs.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

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


    private static final System.Logger LOG = System.getLogger(SendMailJob.class.getName());

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
        if (e.failure() == Failure.PERMANENT || retry.exhausted(mail.attempts())) {
            outbox.markDead(mail.id(), e.getMessage());
            MailMetrics.dead();
            LOG.log(System.Logger.Level.WARNING, "Mail {0} is dead after {1} attempt(s): {2}", mail.id(), mail.attempts(), e.getMessage());
        } else {
            Instant next = clock.instant().plus(retry.delayAfter(mail.attempts(), ThreadLocalRandom.current()));
            outbox.scheduleRetry(mail.id(), next, e.getMessage());
            LOG.log(System.Logger.Level.INFO, "Mail {0} failed (attempt {1}), next try at {2}: {3}", mail.id(), mail.attempts(), next, e.getMessage());
        }
    }
}
