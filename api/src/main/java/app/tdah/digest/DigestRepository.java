package app.tdah.digest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** All SQL of the daily digest. */
public final class DigestRepository {

    private final DbClient db;

    public DigestRepository(DbClient db) {
        this.db = db;
    }

    /** A person whose digest is due. */
    record Recipient(UUID id, String email, String displayName, ZoneId zone) {
    }

    <T> T inTransaction(java.util.function.Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    /**
     * People whose digest time has come today in their own zone and who have not had today's digest yet, locked for
     * this transaction (other nodes skip them). Only confirmed addresses get a digest: until then it would carry task
     * titles to whoever owns the address.
     */
    List<Recipient> due(DbExecute tx, Instant now, int limit) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return tx.query("SELECT id, email::text AS email, display_name, time_zone FROM users "
                                + "WHERE email_verified_at IS NOT NULL AND (?::timestamptz AT TIME ZONE time_zone)::time >= digest_time "
                                + "AND (last_digest_on IS NULL OR last_digest_on < (?::timestamptz AT TIME ZONE time_zone)::date) "
                                + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED", at, at, limit)
                .map(row -> new Recipient(row.column("id").get(UUID.class), row.column("email").get(String.class),
                        row.column("display_name").get(String.class), ZoneId.of(row.column("time_zone").get(String.class))))
                .toList();
    }
}
