package app.tdah.platform;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

/** Runs work in one database transaction: all of its writes are durable, or none. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Holds the lock {@code name} until the transaction ends (a PostgreSQL advisory lock on a hash of the name): whoever
     * takes the same name waits until then. Released by commit or rollback, even when the node dies.
     */
    public static void lock(DbExecute tx, String name) {
        tx.get("SELECT 1 AS held FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) l", name);
    }

    public static <T> T inTransaction(DbClient db, Function<DbExecute, T> work) {
        DbTransaction tx = db.transaction();
        try {
            T result = work.apply(tx);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }
}
