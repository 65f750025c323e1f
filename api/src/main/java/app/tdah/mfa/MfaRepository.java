package app.tdah.mfa;

import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.platform.KeyRotation;
import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of the MFA feature. */
public final class MfaRepository {

    private static final String LOWEST_UUID = "00000000-0000-0000-0000-000000000000";

    private final DbClient db;

    public MfaRepository(DbClient db) {
        this.db = db;
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    /** An account's authenticator: its sealed secret, whether it is confirmed, and the newest step a code was used for. */
    record Authenticator(UUID userId, byte[] secretSealed, Instant confirmedAt, Long lastUsedStep) {
        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    Optional<Authenticator> authenticator(DbExecute exec, UUID userId) {
        return exec.get("SELECT user_id, secret_sealed, confirmed_at, last_used_step FROM mfa_authenticators WHERE user_id = ?::uuid",
                        userId)
                .map(MfaRepository::authenticator);
    }

    boolean isEnabled(UUID userId) {
        return db.execute().get("SELECT 1 FROM mfa_authenticators WHERE user_id = ?::uuid AND confirmed_at IS NOT NULL", userId)
                .isPresent();
    }

    /** Starts (or restarts) an enrolment with a new secret; an account whose MFA is already on is left alone. */
    boolean startEnrolment(UUID userId, byte[] secretSealed, Instant now) {
        return db.execute().insert("INSERT INTO mfa_authenticators (user_id, secret_sealed, created_at) VALUES (?::uuid, ?, ?) "
                        + "ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = EXCLUDED.created_at, "
                        + "last_used_step = NULL WHERE mfa_authenticators.confirmed_at IS NULL",
                userId, secretSealed, timestamp(now)) == 1;
    }

    /**
     * Records that a code of {@code step} was accepted, if no code of that step or a later one was before: the one
     * statement that makes each code single-use, whichever node two presentations of it reach.
     */
    boolean advanceStep(DbExecute exec, UUID userId, long step) {
        return exec.update("UPDATE mfa_authenticators SET last_used_step = ? "
                + "WHERE user_id = ?::uuid AND (last_used_step IS NULL OR last_used_step < ?)", step, userId, step) == 1;
    }

    boolean confirm(DbExecute exec, UUID userId, Instant now) {
        return exec.update("UPDATE mfa_authenticators SET confirmed_at = ? WHERE user_id = ?::uuid AND confirmed_at IS NULL",
                timestamp(now), userId) == 1;
    }

    /** Turns MFA off: the authenticator, the backup codes and any pending challenges go. */
    boolean remove(DbExecute exec, UUID userId) {
        exec.delete("DELETE FROM mfa_backup_codes WHERE user_id = ?::uuid", userId);
        exec.delete("DELETE FROM mfa_challenges WHERE user_id = ?::uuid", userId);
        return exec.delete("DELETE FROM mfa_authenticators WHERE user_id = ?::uuid", userId) == 1;
    }

    /** Replaces all of an account's backup codes. */
    void replaceBackupCodes(DbExecute exec, UUID userId, List<byte[]> codeHashes) {
        exec.delete("DELETE FROM mfa_backup_codes WHERE user_id = ?::uuid", userId);
        for (byte[] hash : codeHashes) {
            exec.insert("INSERT INTO mfa_backup_codes (user_id, code_hash) VALUES (?::uuid, ?)", userId, hash);
        }
    }

    /** Spends an unused backup code; false when there is none with this hash (wrong, or used already). */
    boolean useBackupCode(DbExecute exec, UUID userId, byte[] codeHash, Instant now) {
        return exec.update("UPDATE mfa_backup_codes SET used_at = ? WHERE user_id = ?::uuid AND code_hash = ? AND used_at IS NULL",
                timestamp(now), userId, codeHash) == 1;
    }

    long unusedBackupCodes(DbExecute exec, UUID userId) {
        return exec.get("SELECT count(*) AS n FROM mfa_backup_codes WHERE user_id = ?::uuid AND used_at IS NULL", userId)
                .map(row -> row.column("n").get(Long.class))
                .orElse(0L);
    }

    void insertChallenge(UUID userId, byte[] tokenHash, Instant expiresAt) {
        db.execute().insert("INSERT INTO mfa_challenges (token_hash, user_id, expires_at) VALUES (?, ?::uuid, ?)",
                tokenHash, userId, timestamp(expiresAt));
    }

    /** The account a live challenge belongs to. */
    Optional<UUID> challengeOwner(byte[] tokenHash, Instant now) {
        return db.execute().get("SELECT user_id FROM mfa_challenges WHERE token_hash = ? AND expires_at > ?", tokenHash, timestamp(now))
                .map(row -> row.column("user_id").get(UUID.class));
    }

    /** Spends a live challenge; of two concurrent attempts exactly one gets true. */
    boolean spendChallenge(DbExecute exec, byte[] tokenHash, Instant now) {
        return exec.delete("DELETE FROM mfa_challenges WHERE token_hash = ? AND expires_at > ?", tokenHash, timestamp(now)) == 1;
    }

    /** Ends every pending sign-in of an account (when it gets locked). */
    void deleteChallenges(UUID userId) {
        db.execute().delete("DELETE FROM mfa_challenges WHERE user_id = ?::uuid", userId);
    }

    /** Deletes challenges past their expiry; returns how many. */
    public long purgeExpiredChallenges(Instant now) {
        return db.execute().delete("DELETE FROM mfa_challenges WHERE expires_at < ?", timestamp(now));
    }

    /** Sealed secrets of accounts after {@code afterUserId}, in user id order, for re-sealing under a new key. */
    List<KeyRotation.Sealed> sealedSecrets(Optional<String> afterUserId, int limit) {
        return db.execute().query("SELECT user_id, secret_sealed FROM mfa_authenticators WHERE user_id > ?::uuid "
                        + "ORDER BY user_id LIMIT ?", afterUserId.orElse(LOWEST_UUID), limit)
                .map(row -> {
                    UUID userId = row.column("user_id").get(UUID.class);
                    return new KeyRotation.Sealed(userId.toString(), row.column("secret_sealed").get(byte[].class),
                            MfaService.associatedData(userId));
                })
                .toList();
    }

    /** Replaces a sealed secret if it is still {@code current}. */
    boolean replaceSealedSecret(UUID userId, byte[] current, byte[] resealed) {
        return db.execute().update("UPDATE mfa_authenticators SET secret_sealed = ? WHERE user_id = ?::uuid AND secret_sealed = ?",
                resealed, userId, current) == 1;
    }

    private static Authenticator authenticator(DbRow row) {
        return new Authenticator(row.column("user_id").get(UUID.class),
                row.column("secret_sealed").get(byte[].class),
                nullableInstant(row, "confirmed_at"),
                row.column("last_used_step").get(Long.class));
    }
}
