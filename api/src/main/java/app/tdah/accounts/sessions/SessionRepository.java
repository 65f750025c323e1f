package app.tdah.accounts.sessions;

import static app.tdah.platform.SqlValues.instant;

import java.time.Duration;
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
 * live while one of its tokens is unspent, unrevoked, unexpired and not idle (minted within the idle timeout), which
 * is exactly when a refresh can succeed (the database's clock decides, as it does for the refresh itself).
 */
public final class SessionRepository {

    private final DbClient db;
    private final String liveToken;
    /** One row per live family of the person: its start, its latest rotation and where that came from. */
    private final String liveFamilies;

    public SessionRepository(DbClient db, Duration idleTimeout) {
        this.db = db;
        // A number from the configuration, not from a request: written into the SQL so every statement shares it.
        this.liveToken = "used_at IS NULL AND revoked_at IS NULL AND expires_at > now() "
                + "AND created_at > now() - interval '1 millisecond' * " + idleTimeout.toMillis();
        this.liveFamilies = "SELECT family_id, min(created_at) AS created_at, "
                + "max(created_at) AS last_seen_at, max(expires_at) AS expires_at, "
                + "(array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent, "
                + "(array_agg(ip ORDER BY created_at DESC))[1] AS ip "
                + "FROM refresh_tokens WHERE user_id = ?::uuid GROUP BY family_id HAVING bool_or(" + liveToken + ")";
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    /** Newest first by when each session started. */
    Page<Session> page(UUID userId, PageRequest<KeysetCursor> request) {
        List<Object> params = new ArrayList<>(List.of(userId));
        String keyset = KeysetCursor.continuing(request.after(), "created_at", "family_id", params);
        params.add(request.fetchSize());
        List<Session> rows = db.execute().query("SELECT * FROM (" + liveFamilies + ") live WHERE true " + keyset
                        + "ORDER BY created_at DESC, family_id DESC LIMIT ?", params.toArray())
                .map(SessionRepository::session)
                .toList();
        long total = db.execute().get("SELECT count(*) AS n FROM (" + liveFamilies + ") live", userId)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
        return request.page(rows, total);
    }

    Optional<Session> find(UUID userId, UUID familyId) {
        return db.execute().get("SELECT * FROM (" + liveFamilies + ") live WHERE family_id = ?::uuid", userId, familyId)
                .map(SessionRepository::session);
    }

    /** Whether the person's live session signed in (its family began) less than {@code seconds} ago, by the database's clock. */
    boolean startedWithin(UUID userId, UUID familyId, long seconds) {
        return db.execute().get("SELECT 1 AS recent FROM (" + liveFamilies + ") live WHERE family_id = ?::uuid "
                + "AND created_at > now() - make_interval(secs => ?)", userId, familyId, seconds).isPresent();
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
