package app.tdah.accounts;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.sql.Date;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.identity.ClientInfo;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of the accounts feature. */
public final class AccountRepository {

    // Helidon's JDBC client binds UUID parameters as text, hence the ::uuid casts.
    private static final String USER_COLUMNS = "id, email::text AS email, display_name, time_zone, role, created_at";

    private final DbClient db;
    private final Duration idleTimeout;

    /** {@code idleTimeout}: a session whose refresh token is older than this (unused so long) can no longer refresh. */
    public AccountRepository(DbClient db, Duration idleTimeout) {
        this.db = db;
        this.idleTimeout = idleTimeout;
    }

    record StoredUser(User user, String passwordHash, boolean active) {
    }

    /** Who to tell about a change to the account, and whether they proved that address is theirs. */
    record Owner(String email, String displayName, boolean emailVerified) {
    }

    record RefreshTokenRow(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant usedAt) {
    }

    /**
     * Inserts the user speaking {@code locale} (a supported tag); false when the email is taken (the unique constraint
     * decides, so concurrent sign-ups are safe).
     */
    boolean insertUser(User user, String passwordHash, String locale) {
        return insertUser(db.execute(), user, passwordHash, locale);
    }

    /** As {@link #insertUser(User, String, String)}, in the caller's transaction; a null hash means "no password". */
    boolean insertUser(DbExecute exec, User user, String passwordHash, String locale) {
        try {
            exec.insert("INSERT INTO users (id, email, password_hash, display_name, time_zone, role, created_at, locale) "
                            + "VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?)",
                    user.id(), user.email(), passwordHash, user.displayName(), user.timeZone(), user.role(),
                    timestamp(user.createdAt()), locale);
            return true;
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    Optional<StoredUser> findByEmail(String email) {
        return db.execute().get("SELECT " + USER_COLUMNS + ", password_hash, deactivated_at IS NULL AS active FROM users WHERE email = ?", email)
                .map(row -> new StoredUser(user(row), row.column("password_hash").get(String.class),
                        row.column("active").get(Boolean.class)));
    }

    /** Whether the account has a password, locking its row until the transaction ends so the answer stays true. */
    boolean lockAndCheckHasPassword(DbExecute exec, UUID id) {
        return exec.get("SELECT password_hash IS NOT NULL AS has_password FROM users WHERE id = ?::uuid FOR UPDATE", id)
                .map(row -> row.column("has_password").get(Boolean.class))
                .orElse(false);
    }

    /** The role of an active account: one primary-key lookup, made once per authorised request. */
    Optional<String> activeRole(UUID id) {
        return db.execute().get("SELECT role FROM users WHERE id = ?::uuid AND deactivated_at IS NULL", id)
                .map(row -> row.column("role").get(String.class));
    }

    /**
     * The role of an active account whose session (refresh-token family) is live at {@code now}, i.e. not signed out,
     * revoked, expired or idle: one indexed lookup, made once per authorised request. Each time is compared on the
     * clock that wrote it: the expiry was the server's, the creation the database's.
     */
    Optional<String> activeRoleInSession(UUID id, UUID familyId, Instant now) {
        return db.execute().get("SELECT role FROM users WHERE id = ?::uuid AND deactivated_at IS NULL AND EXISTS ("
                                + "SELECT 1 FROM refresh_tokens WHERE family_id = ?::uuid AND user_id = ?::uuid "
                                + "AND revoked_at IS NULL AND expires_at > ? "
                                + "AND created_at > now() - ? * interval '1 millisecond')",
                        id, familyId, id, timestamp(now), idleTimeout.toMillis())
                .map(row -> row.column("role").get(String.class));
    }

    void markEmailVerified(DbExecute exec, UUID id, Instant at) {
        exec.update("UPDATE users SET email_verified_at = ? WHERE id = ?::uuid", timestamp(at), id);
    }

    Optional<Owner> owner(UUID id) {
        return db.execute().get("SELECT email::text AS email, display_name, email_verified_at IS NOT NULL AS verified "
                        + "FROM users WHERE id = ?::uuid", id)
                .map(row -> new Owner(row.column("email").get(String.class), row.column("display_name").get(String.class),
                        row.column("verified").get(Boolean.class)));
    }

    public Optional<User> findById(UUID id) {
        return db.execute().get("SELECT " + USER_COLUMNS + " FROM users WHERE id = ?::uuid", id).map(AccountRepository::user);
    }

    /** The person's time zone and profile language, read together. */
    Optional<ZoneAndLanguage> zoneAndLanguage(UUID id) {
        return db.execute().get("SELECT time_zone, locale FROM users WHERE id = ?::uuid", id)
                .map(row -> ZoneAndLanguage.of(row.column("time_zone").get(String.class), row.column("locale").get(String.class)));
    }

    public Optional<Preferences> preferences(UUID userId) {
        return db.execute().get("SELECT breakdown_threshold, quiet_start, quiet_end, digest_time FROM users WHERE id = ?::uuid", userId)
                .map(row -> new Preferences(row.column("breakdown_threshold").get(Integer.class),
                        row.column("quiet_start").get(java.sql.Time.class).toLocalTime(),
                        row.column("quiet_end").get(java.sql.Time.class).toLocalTime(),
                        row.column("digest_time").get(java.sql.Time.class).toLocalTime()));
    }

    void updatePreferences(UUID userId, Preferences p) {
        db.execute().update("UPDATE users SET breakdown_threshold = ?, quiet_start = ?, quiet_end = ?, digest_time = ? WHERE id = ?::uuid",
                p.breakdownThreshold(), java.sql.Time.valueOf(p.quietStart()), java.sql.Time.valueOf(p.quietEnd()),
                java.sql.Time.valueOf(p.digestTime()), userId);
    }

    void insertRefreshToken(UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant expiresAt, ClientInfo client) {
        db.execute().insert("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, user_agent, ip) "
                        + "VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?)",
                id, userId, familyId, tokenHash, timestamp(expiresAt), client.userAgent(), client.ip());
    }

    /**
     * Marks a live refresh token used and returns it, in one statement: of two concurrent presentations of the same
     * token exactly one wins. A token minted longer ago than the idle timeout is not live: its session was left alone
     * too long.
     */
    Optional<RefreshTokenRow> claimRefreshToken(byte[] tokenHash) {
        return db.execute().get("UPDATE refresh_tokens SET used_at = now() "
                                + "WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() "
                                + "AND created_at > now() - ? * interval '1 millisecond' "
                                + "RETURNING id, user_id, family_id, expires_at, used_at",
                        tokenHash, idleTimeout.toMillis())
                .map(AccountRepository::refreshToken);
    }

    /**
     * Grants a token spent less than {@code grace} ago its one retry (a browser that never received the rotated cookie):
     * the token is revoked so it has no second retry, and so is the successor its first presentation minted, which
     * that browser never got. The family keeps one live token: the one the caller issues next. Of concurrent retries
     * exactly one wins.
     */
    Optional<RefreshTokenRow> claimGraceRetry(byte[] tokenHash, Duration grace) {
        return db.execute().get("WITH retried AS (UPDATE refresh_tokens SET revoked_at = now() "
                                + "WHERE token_hash = ? AND used_at > now() - ? * interval '1 millisecond' "
                                + "AND revoked_at IS NULL AND expires_at > now() "
                                + "RETURNING id, user_id, family_id, expires_at, used_at), "
                                + "successor AS (UPDATE refresh_tokens live SET revoked_at = now() FROM retried "
                                + "WHERE live.family_id = retried.family_id AND live.used_at IS NULL AND live.revoked_at IS NULL) "
                                + "SELECT id, user_id, family_id, expires_at, used_at FROM retried",
                        tokenHash, grace.toMillis())
                .map(AccountRepository::refreshToken);
    }

    Optional<RefreshTokenRow> findRefreshToken(byte[] tokenHash) {
        return db.execute().get("SELECT id, user_id, family_id, expires_at, used_at FROM refresh_tokens WHERE token_hash = ?",
                        tokenHash)
                .map(AccountRepository::refreshToken);
    }

    long revokeFamily(UUID familyId) {
        return db.execute().update("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = ?::uuid AND revoked_at IS NULL",
                familyId);
    }

    /** Revokes one live session (refresh-token family) of the person; false when they have no live session with that id. */
    boolean revokeSession(DbExecute tx, UUID userId, UUID familyId) {
        return tx.update("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ?::uuid AND family_id = ?::uuid "
                        + "AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM refresh_tokens live WHERE live.user_id = ?::uuid "
                        + "AND live.family_id = ?::uuid AND live.used_at IS NULL AND live.revoked_at IS NULL "
                        + "AND live.expires_at > now() AND live.created_at > now() - ? * interval '1 millisecond')",
                userId, familyId, userId, familyId, idleTimeout.toMillis()) > 0;
    }

    /** Revokes every session of the person but {@code keep} (none kept when null); returns how many were live. */
    long revokeSessionsExcept(DbExecute tx, UUID userId, UUID keep) {
        return tx.get("WITH revoked AS (UPDATE refresh_tokens SET revoked_at = now() "
                                + "WHERE user_id = ?::uuid AND revoked_at IS NULL AND family_id IS DISTINCT FROM ?::uuid "
                                + "RETURNING family_id, used_at IS NULL AND expires_at > now() AS live) "
                                + "SELECT count(DISTINCT family_id) FILTER (WHERE live) AS n FROM revoked",
                        userId, keep)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
    }

    /** Marks the address verified if it is still the active account's; false otherwise. */
    boolean confirmEmail(DbExecute tx, UUID userId, String email, Instant now) {
        return tx.update("UPDATE users SET email_verified_at = coalesce(email_verified_at, ?) "
                + "WHERE id = ?::uuid AND email = ? AND deactivated_at IS NULL", timestamp(now), userId, email) == 1;
    }

    /**
     * Moves the active account to a new, verified address; false when another account has taken the address meanwhile
     * (or the account is deactivated).
     */
    boolean changeEmail(DbExecute tx, UUID userId, String email, Instant now) {
        return tx.update("UPDATE users SET email = ?, email_verified_at = ? WHERE id = ?::uuid AND deactivated_at IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM users other WHERE other.email = ? AND other.id <> ?::uuid)",
                email, timestamp(now), userId, email, userId) == 1;
    }

    /** Sets the active account's password hash; false when the account is deactivated or gone. */
    boolean setPasswordHash(DbExecute tx, UUID userId, String passwordHash) {
        return tx.update("UPDATE users SET password_hash = ? WHERE id = ?::uuid AND deactivated_at IS NULL",
                passwordHash, userId) == 1;
    }

    void setRole(DbExecute tx, UUID userId, String roleCode) {
        tx.update("UPDATE users SET role = ? WHERE id = ?::uuid", roleCode, userId);
    }

    /** Deactivates the account (keeping the first deactivation time) and revokes every live refresh token of it. */
    long deactivate(DbExecute tx, UUID userId) {
        tx.update("UPDATE users SET deactivated_at = now() WHERE id = ?::uuid AND deactivated_at IS NULL", userId);
        return tx.update("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ?::uuid AND revoked_at IS NULL", userId);
    }

    void reactivate(DbExecute tx, UUID userId) {
        tx.update("UPDATE users SET deactivated_at = NULL WHERE id = ?::uuid", userId);
    }

    void updateProfile(DbExecute tx, UUID userId, String displayName, String timeZone, String locale) {
        tx.update("UPDATE users SET display_name = ?, time_zone = ?, locale = ? WHERE id = ?::uuid",
                displayName, timeZone, locale, userId);
    }

    /**
     * Deletes the account. Every table with a user_id references users ON DELETE CASCADE, so the person's rows go
     * with it, their mail included (AccountDeletionApiTest holds every such column to that).
     */
    void delete(DbExecute tx, UUID userId) {
        tx.delete("DELETE FROM users WHERE id = ?::uuid", userId);
    }

    void markDigestSent(DbExecute tx, UUID userId, LocalDate day) {
        tx.update("UPDATE users SET last_digest_on = ? WHERE id = ?::uuid", Date.valueOf(day), userId);
    }

    /** Deletes refresh tokens past their absolute expiry; returns how many. */
    public long purgeExpiredRefreshTokens(Instant now) {
        return db.execute().delete("DELETE FROM refresh_tokens WHERE expires_at < ?", timestamp(now));
    }

    private static User user(DbRow row) {
        return new User(
                row.column("id").get(UUID.class),
                row.column("email").get(String.class),
                row.column("display_name").get(String.class),
                row.column("time_zone").get(String.class),
                row.column("role").get(String.class),
                instant(row, "created_at"));
    }

    private static RefreshTokenRow refreshToken(DbRow row) {
        return new RefreshTokenRow(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                row.column("family_id").get(UUID.class),
                instant(row, "expires_at"),
                nullableInstant(row, "used_at"));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
