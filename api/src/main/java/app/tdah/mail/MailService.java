package app.tdah.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import app.tdah.capture.Due;

import io.helidon.dbclient.DbExecute;

/**
 * Where features hand over mail: it is written to the outbox in the caller's transaction and sent by the send-mail
 * job. Every mail names the account it is for, which owns it from then on (the export, deletion), whatever address
 * that account has later. The idempotency key names the mail (e.g. {@code reminder:<id>:<occurrence>}): queueing it
 * again changes nothing and returns false, so a retried caller never mails twice.
 */
public final class MailService {

    private final MailOutboxRepository outbox;
    private final Clock clock;

    public MailService(MailOutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public boolean enqueueReminder(DbExecute tx, UUID ownerId, String recipient, String displayName, String taskTitle,
                                   Due due, String idempotencyKey) {
        return enqueue(tx, MailKind.REMINDER, ownerId, recipient, MailTemplates.reminder(displayName, taskTitle, due),
                idempotencyKey);
    }

    /** Queues a daily digest inside the caller's transaction; the key makes a repeat a no-op. */
    public boolean enqueueDigest(DbExecute tx, UUID ownerId, String recipient, String displayName, LocalDate day,
                                 List<String> dueToday, List<String> overdue, List<String> mailToAnswer,
                                 String idempotencyKey) {
        return enqueue(tx, MailKind.DAILY_DIGEST, ownerId, recipient,
                MailTemplates.dailyDigest(displayName, day, dueToday, overdue, mailToAnswer), idempotencyKey);
    }

    public boolean enqueue(DbExecute tx, MailKind kind, UUID ownerId, String recipient, MailContent content,
                           String idempotencyKey) {
        return outbox.insert(tx, UUID.randomUUID(), Objects.requireNonNull(kind, "kind"), ownerId,
                Objects.requireNonNull(recipient, "recipient"), Objects.requireNonNull(content, "content"),
                Objects.requireNonNull(idempotencyKey, "idempotencyKey"), clock.instant());
    }
}
