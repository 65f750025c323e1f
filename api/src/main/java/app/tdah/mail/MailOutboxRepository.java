package app.tdah.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.jobs.mail.MailOutbox;
import app.tdah.jobs.mail.OutgoingMail;
import app.tdah.jobs.mail.PurgeSentMailJob;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of the mail outbox. Helidon's JDBC client binds UUIDs as text, hence the ::uuid casts. */
public final class MailOutboxRepository implements MailOutbox, PurgeSentMailJob.FinishedMail {

    private static final int MAX_ERROR_LENGTH = 2_000;

    private final DbClient db;

    public MailOutboxRepository(DbClient db) {
        this.db = db;
    }

    /**
     * Queues a mail for the account {@code ownerId} (null: mail for no account) as part of the caller's transaction,
     * so it is queued exactly when the caller's change commits; false when a mail with this idempotency key is already
     * queued (nothing changes).
     */
    boolean insert(DbExecute exec, UUID id, MailKind kind, UUID ownerId, String recipient, MailContent content,
                   String idempotencyKey, Instant now) {
        return exec.insert("INSERT INTO mail_outbox (id, user_id, recipient, subject, text_body, html_body, kind, "
                        + "idempotency_key, next_attempt_at, created_at) VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING",
                id, ownerId, recipient, content.subject(), content.textBody(), content.htmlBody(), kind.name(),
                idempotencyKey, timestamp(now), timestamp(now)) == 1;
    }

    /** The profile language of the account {@code ownerId}, read in the caller's transaction; English if it has none. */
    ProfileLanguage ownerLanguage(DbExecute exec, UUID ownerId) {
        return ProfileLanguage.of(exec.get("SELECT locale FROM users WHERE id = ?::uuid", ownerId)
                .map(row -> row.column("locale").get(String.class)).orElse(null));
    }

    /** Mail sent before the cutoff, and mail given up that was queued before it, is deleted. */
    @Override
    public long purgeFinishedBefore(Instant cutoff) {
        return db.execute().delete("DELETE FROM mail_outbox WHERE (status = 'SENT' AND sent_at < ?) "
                + "OR (status = 'DEAD' AND created_at < ?)", timestamp(cutoff), timestamp(cutoff));
    }

    /** SKIP LOCKED: rows another sender is claiming right now are left to it, not waited for and not taken twice. */
    @Override
    public List<OutgoingMail> claimDue(Instant now, int limit) {
        return db.execute().query("UPDATE mail_outbox SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1 "
                                + "WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? "
                                + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                                + "RETURNING id, recipient, subject, text_body, html_body, attempts",
                        timestamp(now), timestamp(now), limit)
                .map(MailOutboxRepository::outgoing)
                .toList();
    }

    /** Whatever state the row is in: the server has it, so no sender may send it again. */
    @Override
    public void markSent(UUID id, Instant sentAt) {
        db.execute().update("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, claimed_at = NULL, last_error = NULL "
                + "WHERE id = ?::uuid", timestamp(sentAt), id);
    }

    @Override
    public void scheduleRetry(UUID id, Instant nextAttemptAt, String error) {
        db.execute().update("UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = left(?, ?), "
                + "claimed_at = NULL WHERE id = ?::uuid AND status = 'SENDING'", timestamp(nextAttemptAt), error, MAX_ERROR_LENGTH, id);
    }

    @Override
    public void markDead(UUID id, String error) {
        db.execute().update("UPDATE mail_outbox SET status = 'DEAD', last_error = left(?, ?), claimed_at = NULL "
                + "WHERE id = ?::uuid AND status = 'SENDING'", error, MAX_ERROR_LENGTH, id);
    }

    @Override
    public int requeueExpiredClaims(Instant claimedBefore) {
        return (int) db.execute().update("UPDATE mail_outbox SET status = 'PENDING', claimed_at = NULL, "
                + "last_error = 'claimed by a sender that never reported back' "
                + "WHERE status = 'SENDING' AND claimed_at < ?", timestamp(claimedBefore));
    }

    private static OutgoingMail outgoing(DbRow row) {
        return new OutgoingMail(
                row.column("id").get(UUID.class),
                row.column("recipient").get(String.class),
                row.column("subject").get(String.class),
                row.column("text_body").get(String.class),
                row.column("html_body").get(String.class),
                row.column("attempts").get(Integer.class));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
