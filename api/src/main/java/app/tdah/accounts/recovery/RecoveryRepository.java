package app.tdah.accounts.recovery;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * All SQL of account recovery: the one-time link tokens, and the account columns they change (the verified address,
 * the address itself, the password hash). Times are the application clock's, so expiry follows the clock tests move.
 */
public final class RecoveryRepository {

    private static final String ACCOUNT_COLUMNS = "id, email::text AS email, display_name, "
            + "email_verified_at IS NOT NULL AS email_verified, deactivated_at IS NULL AS active";

    private final DbClient db;

    public RecoveryRepository(DbClient db) {
        this.db = db;
    }

    /** The parts of an account that recovery reads. */
    record Account(UUID id, String email, String displayName, boolean emailVerified, boolean active) {
    }

    /** A token that was just spent: whose it was, what for, and the address its link was sent to. */
    record SpentToken(UUID id, UUID userId, TokenPurpose purpose, String email) {
    }

    /** A stored token in whatever state, for telling the person why their link did not work. */
    record StoredToken(UUID userId, TokenPurpose purpose, Instant expiresAt, Instant usedAt) {
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    Optional<Account> account(UUID userId) {
        return db.execute().get("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE id = ?::uuid", userId)
                .map(RecoveryRepository::account);
    }

    Optional<Account> activeAccountByEmail(String email) {
        return db.execute().get("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE email = ? AND deactivated_at IS NULL", email)
                .map(RecoveryRepository::account);
    }

    boolean emailTakenByAnother(String email, UUID userId) {
        return db.execute().get("SELECT 1 AS taken FROM users WHERE email = ? AND id <> ?::uuid", email, userId).isPresent();
    }

    void insertToken(DbExecute tx, UUID id, UUID userId, TokenPurpose purpose, byte[] tokenHash, String email,
                     Instant createdAt, Instant expiresAt) {
        tx.insert("INSERT INTO account_tokens (id, user_id, purpose, token_hash, email, created_at, expires_at) "
                        + "VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?)",
                id, userId, purpose.name(), tokenHash, email, timestamp(createdAt), timestamp(expiresAt));
    }

    /** Deletes the person's tokens of these purposes that were not spent: a newer link replaces older ones. */
    void deleteUnspent(DbExecute tx, UUID userId, Collection<TokenPurpose> purposes) {
        tx.delete("DELETE FROM account_tokens WHERE user_id = ?::uuid AND used_at IS NULL AND purpose = ANY (?::text[])",
                userId, textArray(purposes));
    }

    /**
     * Spends a token of one of these purposes if it is unspent and unexpired at {@code now}, in one statement: of two
     * concurrent uses exactly one gets it.
     */
    Optional<SpentToken> spend(DbExecute tx, byte[] tokenHash, Collection<TokenPurpose> purposes, Instant now) {
        return tx.get("UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ANY (?::text[]) "
                                + "AND used_at IS NULL AND expires_at > ? RETURNING id, user_id, purpose, email::text AS email",
                        timestamp(now), tokenHash, textArray(purposes), timestamp(now))
                .map(row -> new SpentToken(row.column("id").get(UUID.class), row.column("user_id").get(UUID.class),
                        TokenPurpose.valueOf(row.column("purpose").get(String.class)), row.column("email").get(String.class)));
    }

    Optional<StoredToken> find(byte[] tokenHash) {
        return db.execute().get("SELECT user_id, purpose, expires_at, used_at FROM account_tokens WHERE token_hash = ?", tokenHash)
                .map(row -> new StoredToken(row.column("user_id").get(UUID.class),
                        TokenPurpose.valueOf(row.column("purpose").get(String.class)),
                        instant(row, "expires_at"), nullableInstant(row, "used_at")));
    }

    /** Deletes tokens past their expiry; returns how many. */
    public long purgeExpiredTokens(Instant now) {
        return db.execute().delete("DELETE FROM account_tokens WHERE expires_at < ?", timestamp(now));
    }

    private static String textArray(Collection<TokenPurpose> purposes) {
        return purposes.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }

    private static Account account(DbRow row) {
        return new Account(
                row.column("id").get(UUID.class),
                row.column("email").get(String.class),
                row.column("display_name").get(String.class),
                row.column("email_verified").get(Boolean.class),
                row.column("active").get(Boolean.class));
    }
}
