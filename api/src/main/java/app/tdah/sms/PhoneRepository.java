package app.tdah.sms;

import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of phone verification. */
public final class PhoneRepository {

    private final DbClient db;

    public PhoneRepository(DbClient db) {
        this.db = db;
    }

    /** The phone row with what checking a code needs. */
    record PhoneRow(String e164, Instant verifiedAt, byte[] codeHash, Instant codeExpiresAt, int codeAttempts) {
        Phone phone() {
            return new Phone(e164, verifiedAt, codeExpiresAt);
        }
    }

    /** Verification codes sent lately to a person or to a number. */
    record RecentCodes(long count, Instant oldest, Instant newest) {
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    Optional<Phone> find(UUID userId) {
        return find(db.execute(), userId);
    }

    Optional<Phone> find(DbExecute exec, UUID userId) {
        return exec.get("SELECT e164, verified_at, code_hash, code_expires_at, code_attempts FROM phones WHERE user_id = ?::uuid",
                userId).map(PhoneRepository::row).map(PhoneRow::phone);
    }

    /**
     * Serialises a person's phone changes (the row may not exist yet, so the person's own row is locked); NO KEY so
     * that rows referring to the person can still be written meanwhile.
     */
    Optional<PhoneRow> lock(DbExecute tx, UUID userId) {
        tx.query("SELECT id FROM users WHERE id = ?::uuid FOR NO KEY UPDATE", userId).count();
        return tx.get("SELECT e164, verified_at, code_hash, code_expires_at, code_attempts FROM phones WHERE user_id = ?::uuid",
                userId).map(PhoneRepository::row);
    }

    /** The language the person's texts are written in. */
    ProfileLanguage language(DbExecute tx, UUID userId) {
        return ProfileLanguage.of(tx.get("SELECT locale FROM users WHERE id = ?::uuid", userId)
                .map(row -> row.column("locale").get(String.class)).orElse(null));
    }

    boolean verifiedByAnother(DbExecute tx, String e164, UUID userId) {
        return tx.get("SELECT 1 AS found FROM phones WHERE e164 = ? AND verified_at IS NOT NULL AND user_id <> ?::uuid",
                e164, userId).isPresent();
    }

    boolean optedOut(DbExecute tx, String e164) {
        return tx.get("SELECT 1 AS found FROM sms_opt_outs WHERE e164 = ?", e164).isPresent();
    }

    /** Codes sent since {@code since} to this person or to this number, whoever asked. */
    RecentCodes recentCodes(DbExecute tx, UUID userId, String e164, String kind, Instant since) {
        DbRow row = tx.get("SELECT count(*) AS n, min(created_at) AS oldest, max(created_at) AS newest FROM sms_messages "
                        + "WHERE direction = 'OUTBOUND' AND kind = ? AND (user_id = ?::uuid OR phone = ?) AND created_at > ?",
                kind, userId, e164, timestamp(since)).orElseThrow();
        return new RecentCodes(row.column("n").get(Long.class), nullableInstant(row, "oldest"), nullableInstant(row, "newest"));
    }

    /** A new pending number (or the same one again) with a fresh code: any earlier verification ends. */
    void saveCode(DbExecute tx, UUID userId, String e164, byte[] codeHash, Instant expiresAt, Instant now) {
        tx.insert("INSERT INTO phones (user_id, e164, code_hash, code_expires_at, code_attempts, codes_sent, last_code_sent_at, created_at) "
                        + "VALUES (?::uuid, ?, ?, ?, 0, 1, ?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET e164 = EXCLUDED.e164, verified_at = NULL, code_hash = EXCLUDED.code_hash, "
                        + "code_expires_at = EXCLUDED.code_expires_at, code_attempts = 0, "
                        + "codes_sent = CASE WHEN phones.e164 = EXCLUDED.e164 THEN phones.codes_sent + 1 ELSE 1 END, "
                        + "last_code_sent_at = EXCLUDED.last_code_sent_at",
                userId, e164, codeHash, timestamp(expiresAt), timestamp(now), timestamp(now));
    }

    void countAttempt(DbExecute tx, UUID userId) {
        tx.update("UPDATE phones SET code_attempts = code_attempts + 1 WHERE user_id = ?::uuid", userId);
    }

    void markVerified(DbExecute tx, UUID userId, Instant now) {
        tx.update("UPDATE phones SET verified_at = ?, code_hash = NULL, code_expires_at = NULL, code_attempts = 0 "
                + "WHERE user_id = ?::uuid", timestamp(now), userId);
    }

    Optional<String> delete(DbExecute tx, UUID userId) {
        return tx.get("DELETE FROM phones WHERE user_id = ?::uuid RETURNING e164", userId)
                .map(row -> row.column("e164").get(String.class));
    }

    private static PhoneRow row(DbRow row) {
        return new PhoneRow(row.column("e164").get(String.class), nullableInstant(row, "verified_at"),
                row.column("code_hash").get(byte[].class), nullableInstant(row, "code_expires_at"),
                row.column("code_attempts").get(Integer.class));
    }
}
