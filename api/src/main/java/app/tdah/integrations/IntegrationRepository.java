package app.tdah.integrations;

import static app.tdah.platform.SqlValues.instant;
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

/** All SQL of the integrations feature. */
final class IntegrationRepository {

    private static final String COLUMNS = "id, user_id, provider, account_id, account_email, granted_scope, status, "
            + "connected_at, status_changed_at";
    private static final String LOWEST_UUID = "00000000-0000-0000-0000-000000000000";

    private final DbClient db;

    IntegrationRepository(DbClient db) {
        this.db = db;
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    /** An integration with its sealed tokens (null once it needs reconnecting) and its grant generation. */
    record Stored(Integration integration, long grantGeneration, byte[] accessSealed, Instant accessExpiresAt,
                  byte[] refreshSealed) {
    }

    List<Integration> list(UUID userId) {
        return db.execute().query("SELECT " + COLUMNS + " FROM integrations WHERE user_id = ?::uuid ORDER BY provider", userId)
                .map(IntegrationRepository::integration).toList();
    }

    /** One of the person's integrations; empty when it does not exist or is someone else's. */
    Optional<Integration> find(UUID userId, UUID id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM integrations WHERE id = ?::uuid AND user_id = ?::uuid", id, userId)
                .map(IntegrationRepository::integration);
    }

    Optional<Integration> find(UUID id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM integrations WHERE id = ?::uuid", id)
                .map(IntegrationRepository::integration);
    }

    /** Connected integrations after {@code after} in id order, for work that goes through all of them. */
    List<Integration> connected(Optional<UUID> after, int limit) {
        return db.execute().query("SELECT " + COLUMNS + " FROM integrations WHERE status = 'CONNECTED' AND id > ?::uuid "
                        + "ORDER BY id LIMIT ?", after.map(UUID::toString).orElse(LOWEST_UUID), limit)
                .map(IntegrationRepository::integration).toList();
    }

    Optional<Stored> stored(UUID id) {
        return stored(db.execute(), "id = ?::uuid", id);
    }

    /** The person's integration with this provider, its row locked until the caller's transaction ends. */
    Optional<Stored> lockedByProvider(DbExecute tx, UUID userId, Provider provider) {
        return stored(tx, "user_id = ?::uuid AND provider = ? FOR UPDATE", userId, provider.code());
    }

    private Optional<Stored> stored(DbExecute exec, String where, Object... parameters) {
        return exec.get("SELECT " + COLUMNS + ", grant_generation, access_token_sealed, access_token_expires_at, "
                        + "refresh_token_sealed FROM integrations WHERE " + where, parameters)
                .map(row -> new Stored(integration(row), row.column("grant_generation").get(Long.class),
                        row.column("access_token_sealed").get(byte[].class), nullableInstant(row, "access_token_expires_at"),
                        row.column("refresh_token_sealed").get(byte[].class)));
    }

    void insert(DbExecute tx, Integration integration, byte[] accessSealed, Instant accessExpiresAt, byte[] refreshSealed) {
        tx.insert("INSERT INTO integrations (id, user_id, provider, account_id, account_email, granted_scope, status, "
                        + "connected_at, status_changed_at, access_token_sealed, access_token_expires_at, refresh_token_sealed, "
                        + "token_refreshed_at) VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                integration.id(), integration.userId(), integration.provider().code(), integration.accountId(),
                integration.accountEmail(), scope(integration), integration.status().name(), timestamp(integration.connectedAt()),
                timestamp(integration.statusChangedAt()), accessSealed, timestamp(accessExpiresAt), refreshSealed,
                timestamp(integration.connectedAt()));
    }

    /** The same account granted again: new tokens and scopes, connected, under a new grant generation. */
    void regrant(DbExecute tx, UUID id, String accountEmail, String grantedScope, boolean statusChanged, byte[] accessSealed,
                 Instant accessExpiresAt, byte[] refreshSealed, Instant now) {
        tx.update("UPDATE integrations SET account_email = COALESCE(?, account_email), granted_scope = ?, status = 'CONNECTED', "
                        + "status_changed_at = CASE WHEN ?::boolean THEN ?::timestamptz ELSE status_changed_at END, grant_generation = grant_generation + 1, "
                        + "access_token_sealed = ?, access_token_expires_at = ?, refresh_token_sealed = ?, token_refreshed_at = ? "
                        + "WHERE id = ?::uuid",
                accountEmail, grantedScope, statusChanged, timestamp(now), accessSealed, timestamp(accessExpiresAt),
                refreshSealed, timestamp(now), id);
    }

    /**
     * Stores refreshed tokens in one statement: the access token, and the refresh token when the provider rotated it
     * (Microsoft does), so the two never disagree. Only under the grant it was refreshed from; false otherwise.
     */
    boolean storeRefreshed(UUID id, long grantGeneration, byte[] accessSealed, Instant accessExpiresAt, byte[] newRefreshSealed,
                           String grantedScope, Instant now) {
        return db.execute().update("UPDATE integrations SET access_token_sealed = ?, access_token_expires_at = ?, "
                        + "refresh_token_sealed = COALESCE(?, refresh_token_sealed), granted_scope = COALESCE(?, granted_scope), "
                        + "token_refreshed_at = ? WHERE id = ?::uuid AND grant_generation = ? AND status = 'CONNECTED'",
                accessSealed, timestamp(accessExpiresAt), newRefreshSealed, grantedScope, timestamp(now), id, grantGeneration) == 1;
    }

    /** The grant is gone: the integration needs reconnecting and its dead tokens go. False when that was already so. */
    boolean markNeedsReconnect(DbExecute tx, UUID id, long grantGeneration, Instant now) {
        return tx.update("UPDATE integrations SET status = 'NEEDS_RECONNECT', status_changed_at = ?, access_token_sealed = NULL, "
                        + "access_token_expires_at = NULL, refresh_token_sealed = NULL "
                        + "WHERE id = ?::uuid AND grant_generation = ? AND status = 'CONNECTED'",
                timestamp(now), id, grantGeneration) == 1;
    }

    boolean delete(DbExecute tx, UUID userId, UUID id) {
        return tx.delete("DELETE FROM integrations WHERE id = ?::uuid AND user_id = ?::uuid", id, userId) == 1;
    }

    /** Sealed tokens of one column after {@code afterId}, in id order, for re-sealing under a new key. */
    List<KeyRotation.Sealed> sealed(SealedTokens.Kind kind, Optional<String> afterId, int limit) {
        String column = column(kind);
        return db.execute().query("SELECT id, user_id, provider, " + column + " AS sealed FROM integrations "
                        + "WHERE id > ?::uuid AND " + column + " IS NOT NULL ORDER BY id LIMIT ?", afterId.orElse(LOWEST_UUID), limit)
                .map(row -> new KeyRotation.Sealed(row.column("id").get(UUID.class).toString(), row.column("sealed").get(byte[].class),
                        SealedTokens.associatedData(row.column("user_id").get(UUID.class),
                                Provider.ofCode(row.column("provider").get(String.class)).orElseThrow(), kind)))
                .toList();
    }

    boolean replaceSealed(SealedTokens.Kind kind, UUID id, byte[] current, byte[] resealed) {
        String column = column(kind);
        return db.execute().update("UPDATE integrations SET " + column + " = ? WHERE id = ?::uuid AND " + column + " = ?",
                resealed, id, current) == 1;
    }

    static String column(SealedTokens.Kind kind) {
        return switch (kind) {
            case ACCESS -> "access_token_sealed";
            case REFRESH -> "refresh_token_sealed";
        };
    }

    static String scope(Integration integration) {
        return String.join(" ", integration.grantedScopes().stream().sorted().toList());
    }

    private static Integration integration(DbRow row) {
        return new Integration(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                Provider.ofCode(row.column("provider").get(String.class)).orElseThrow(),
                row.column("account_id").get(String.class),
                row.column("account_email").get(String.class),
                OAuthClient.scopes(row.column("granted_scope").get(String.class)),
                IntegrationStatus.valueOf(row.column("status").get(String.class)),
                instant(row, "connected_at"),
                instant(row, "status_changed_at"));
    }
}
