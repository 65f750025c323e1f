package app.tdah.mail;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/** Where features hand over mail: it is written to the outbox now and sent by the send-mail job. */
public final class MailService {

    private final MailOutboxRepository outbox;
    private final Clock clock;

    public MailService(MailOutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Queues a mail, due at once. The idempotency key names this mail (e.g. {@code reminder:<id>:<occurrence>}): a
     * second call with the same key changes nothing and returns false, so a retried caller never mails twice.
     */
    /** Queues a reminder mail inside the dispatcher's transaction; the key makes a repeat a no-op. */
    public boolean enqueueReminder(io.helidon.dbclient.DbExecute tx, String recipient, String displayName, String taskTitle,
                                   app.tdah.capture.Due due, String idempotencyKey) {
        return outbox.insert(tx, UUID.randomUUID(), MailKind.REMINDER, recipient,
                MailTemplates.reminder(displayName, taskTitle, due), idempotencyKey, clock.instant());
    }

    /** Queues a daily digest inside the caller's transaction; the key makes a repeat a no-op. */
    public boolean enqueueDigest(io.helidon.dbclient.DbExecute tx, String recipient, String displayName, java.time.LocalDate day,
                                 java.util.List<String> dueToday, java.util.List<String> overdue, java.util.List<String> mailToAnswer,
                                 String idempotencyKey) {
        return outbox.insert(tx, UUID.randomUUID(), MailKind.DAILY_DIGEST, recipient,
                MailTemplates.dailyDigest(displayName, day, dueToday, overdue, mailToAnswer), idempotencyKey, clock.instant());
    }

    /** Queues a mail inside the caller's transaction, so it is queued exactly when the caller's change commits. */
    public boolean enqueue(io.helidon.dbclient.DbExecute tx, MailKind kind, String recipient, MailContent content,
                           String idempotencyKey) {
        return outbox.insert(tx, UUID.randomUUID(), Objects.requireNonNull(kind, "kind"),
                Objects.requireNonNull(recipient, "recipient"), Objects.requireNonNull(content, "content"),
                Objects.requireNonNull(idempotencyKey, "idempotencyKey"), clock.instant());
    }

    public boolean enqueue(MailKind kind, String recipient, String subject, String textBody, String htmlBody,
                           String idempotencyKey) {
        MailContent content = new MailContent(Objects.requireNonNull(subject, "subject"),
                Objects.requireNonNull(textBody, "textBody"), Objects.requireNonNull(htmlBody, "htmlBody"));
        return outbox.insert(UUID.randomUUID(), Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(recipient, "recipient"),
                content, Objects.requireNonNull(idempotencyKey, "idempotencyKey"), clock.instant());
    }
}
