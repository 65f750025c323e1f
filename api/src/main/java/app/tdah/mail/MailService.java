package app.tdah.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.capture.Due;
import app.tdah.i18n.ProfileLanguage;

import io.helidon.dbclient.DbExecute;

/**
 * Where features hand over mail: it is written to the outbox in the caller's transaction and sent by the send-mail
 * job. Every mail names the account it is for, which owns it from then on (the export, deletion), whatever address
 * that account has later. The idempotency key names the mail (e.g. {@code reminder:<id>:<occurrence>}): queueing it
 * again changes nothing and returns false, so a retried caller never mails twice.
 *
 * <p>A mail is written in its account's profile language as it is when the mail is queued (English for mail that
 * names no account): callers say which mail with the templates they are handed, never in which language.
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
        return enqueue(tx, MailKind.REMINDER, ownerId, recipient, templates -> templates.reminder(displayName, taskTitle, due),
                idempotencyKey);
    }

    /** Queues a daily digest inside the caller's transaction; the key makes a repeat a no-op. */
    public boolean enqueueDigest(DbExecute tx, UUID ownerId, String recipient, String displayName, LocalDate day,
                                 List<String> dueToday, List<String> overdue, List<String> mailToAnswer,
                                 String idempotencyKey) {
        return enqueue(tx, MailKind.DAILY_DIGEST, ownerId, recipient,
                templates -> templates.dailyDigest(displayName, day, dueToday, overdue, mailToAnswer), idempotencyKey);
    }

    /** Queues the mail {@code write} makes, in the owner's language, inside the caller's transaction. */
    public boolean enqueue(DbExecute tx, MailKind kind, UUID ownerId, String recipient,
                           Function<MailTemplates, MailContent> write, String idempotencyKey) {
        ProfileLanguage language = ownerId == null ? ProfileLanguage.EN : outbox.ownerLanguage(tx, ownerId);
        MailContent content = write.apply(MailTemplates.in(language));
        return outbox.insert(tx, UUID.randomUUID(), Objects.requireNonNull(kind, "kind"), ownerId,
                Objects.requireNonNull(recipient, "recipient"), Objects.requireNonNull(content, "content"),
                Objects.requireNonNull(idempotencyKey, "idempotencyKey"), clock.instant());
    }
}
