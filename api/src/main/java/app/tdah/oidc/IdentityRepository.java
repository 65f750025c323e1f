package app.tdah.oidc;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of the sign-in-with-a-provider feature. */
final class IdentityRepository {

    private static final String COLUMNS = "id, user_id, provider, subject, email, linked_at, last_used_at";

    private final DbClient db;

    IdentityRepository(DbClient db) {
        this.db = db;
    }

    Optional<ExternalIdentity> find(IdentityProvider provider, String subject) {
        return db.execute().get("SELECT " + COLUMNS + " FROM external_identities WHERE provider = ? AND subject = ?",
                provider.code(), subject).map(IdentityRepository::identity);
    }

    /** One of the person's identities; empty when it does not exist or is someone else's. */
    Optional<ExternalIdentity> find(UUID userId, UUID id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM external_identities WHERE id = ?::uuid AND user_id = ?::uuid",
                id, userId).map(IdentityRepository::identity);
    }

    List<ExternalIdentity> list(UUID userId) {
        return list(db.execute(), userId);
    }

    List<ExternalIdentity> list(DbExecute exec, UUID userId) {
        return exec.query("SELECT " + COLUMNS + " FROM external_identities WHERE user_id = ?::uuid ORDER BY linked_at, id",
                userId).map(IdentityRepository::identity).toList();
    }

    boolean hasProvider(UUID userId, IdentityProvider provider) {
        return db.execute().get("SELECT 1 FROM external_identities WHERE user_id = ?::uuid AND provider = ?",
                userId, provider.code()).isPresent();
    }

    void insert(DbExecute exec, ExternalIdentity identity) {
        exec.insert("INSERT INTO external_identities (id, user_id, provider, subject, email, linked_at, last_used_at) "
                        + "VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?)",
                identity.id(), identity.userId(), identity.provider().code(), identity.subject(), identity.email(),
                timestamp(identity.linkedAt()), identity.lastUsedAt() == null ? null : timestamp(identity.lastUsedAt()));
    }

    /** Notes a sign-in through the identity, with the email the provider states today. */
    void markUsed(UUID id, String email, Instant at) {
        db.execute().update("UPDATE external_identities SET last_used_at = ?, email = COALESCE(?, email) WHERE id = ?::uuid",
                timestamp(at), email, id);
    }

    /** How many identities the person has, counted in the caller's transaction. */
    long count(DbExecute exec, UUID userId) {
        return exec.get("SELECT count(*) AS n FROM external_identities WHERE user_id = ?::uuid", userId)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
    }

    boolean delete(DbExecute exec, UUID userId, UUID id) {
        return exec.delete("DELETE FROM external_identities WHERE id = ?::uuid AND user_id = ?::uuid", id, userId) > 0;
    }

    private static ExternalIdentity identity(DbRow row) {
        return new ExternalIdentity(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                IdentityProvider.ofCode(row.column("provider").get(String.class)).orElseThrow(),
                row.column("subject").get(String.class),
                row.column("email").get(String.class),
                instant(row, "linked_at"),
                nullableInstant(row, "last_used_at"));
    }
}
