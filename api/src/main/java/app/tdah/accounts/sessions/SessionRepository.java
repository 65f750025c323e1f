package app.tdah.accounts.sessions;

import static app.tdah.platform.SqlValues.instant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;
import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * All SQL of the sessions feature, over the refresh tokens the accounts feature issues. A session is a family; it is
 * live while one of its tokens is unspent, unrevoked and unexpired, which is exactly when a refresh can succeed (the
 * database's clock decides, as it does for the refresh itself).
 */
public final class SessionRepository {

    private static final String LIVE_TOKEN = "used_at IS NULL AND revoked_at IS NULL AND expires_at > now()";
    /** One row per live family of the person: its start, its latest rotation and where that came from. */
    private static final String LIVE_FAMILIES = "SELECT family_id, min(created_at) AS created_at, "
            + "max(created_at) AS last_seen_at, max(expires_at) AS expires_at, "
            + "(array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent, "
            + "(array_agg(ip ORDER BY created_at DESC))[1] AS ip "
            + "FROM refresh_tokens WHERE user_id = ?::uuid GROUP BY family_id HAVING bool_or(" + LIVE_TOKEN + ")";

    private final DbClient db;

    public SessionRepository(DbClient db) {
        this.db = db;
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    /** Newest first by when each session started. */
    Page<Session> page(UUID userId, PageRequest<KeysetCursor> request) {
        List<Object> params = new ArrayList<>(List.of(userId));
        String keyset = KeysetCursor.continuing(request.after(), "created_at", "family_id", params);
        params.add(request.fetchSize());
        List<Session> rows = db.execute().query("SELECT * FROM (" + LIVE_FAMILIES + ") live WHERE true " + keyset
                        + "ORDER BY created_at DESC, family_id DESC LIMIT ?", params.toArray())
                .map(SessionRepository::session)
                .toList();
        long total = db.execute().get("SELECT count(*) AS n FROM (" + LIVE_FAMILIES + ") live", userId)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
        return request.page(rows, total);
    }

    Optional<Session> find(UUID userId, UUID familyId) {
        return db.execute().get("SELECT * FROM (" + LIVE_FAMILIES + ") live WHERE family_id = ?::uuid", userId, familyId)
                .map(SessionRepository::session);
    }

    /** Whether the person's live session signed in (its family began) less than {@code seconds} ago, by the database's clock. */
    boolean startedWithin(UUID userId, UUID familyId, long seconds) {
        return db.execute().get("SELECT 1 AS recent FROM (" + LIVE_FAMILIES + ") live WHERE family_id = ?::uuid "
                + "AND created_at > now() - make_interval(secs => ?)", userId, familyId, seconds).isPresent();
    }

    /** The family of a refresh token, if it is this person's (whatever its state). */
    Optional<UUID> familyOf(UUID userId, byte[] tokenHash) {
        return db.execute().get("SELECT family_id FROM refresh_tokens WHERE token_hash = ? AND user_id = ?::uuid",
                        tokenHash, userId)
                .map(row -> row.column("family_id").get(UUID.class));
    }

    /** Revokes one live session of the person; false when they have no live session with that id. */
    boolean revoke(DbExecute tx, UUID userId, UUID familyId) {
        return tx.update("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ?::uuid AND family_id = ?::uuid "
                        + "AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM refresh_tokens live WHERE live.user_id = ?::uuid "
                        + "AND live.family_id = ?::uuid AND " + LIVE_TOKEN + ")", // unqualified columns are live's
                userId, familyId, userId, familyId) > 0;
    }

    /** Revokes every session of the person but {@code keep} (none kept when null); returns how many were live. */
    long revokeAllExcept(DbExecute tx, UUID userId, UUID keep) {
        return tx.get("WITH revoked AS (UPDATE refresh_tokens SET revoked_at = now() "
                                + "WHERE user_id = ?::uuid AND revoked_at IS NULL AND family_id IS DISTINCT FROM ?::uuid "
                                + "RETURNING family_id, used_at IS NULL AND expires_at > now() AS live) "
                                + "SELECT count(DISTINCT family_id) FILTER (WHERE live) AS n FROM revoked",
                        userId, keep)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
    }

    private static Session session(DbRow row) {
        return new Session(
                row.column("family_id").get(UUID.class),
                instant(row, "created_at"),
                instant(row, "last_seen_at"),
                instant(row, "expires_at"),
                row.column("user_agent").get(String.class),
                row.column("ip").get(String.class));
    }
}
