package app.tdah.platform;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

/** Runs work in one database transaction: all of its writes are durable, or none. */
public final class Transactions {

    private Transactions() {
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
