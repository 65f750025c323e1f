package app.tdah.platform;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

/**
 * One transaction that the repositories given it share, from the first statement to {@link #commit()}: one connection,
 * one commit. Closing it without a commit rolls back. It is used by one thread at a time.
 *
 * <p>After {@link #commit()} it is spent: statements that still come run each on their own, as with
 * {@link Statements#eachOnItsOwn}. That lets work commit what it has before waiting on something slow (a language
 * model), rather than hold a connection and its locks meanwhile.
 */
public final class UnitOfWork implements Statements, AutoCloseable {

    private final DbClient db;
    private DbTransaction open;

    private UnitOfWork(DbClient db) {
        this.db = db;
        this.open = db.transaction();
    }

    /** Opens the transaction; the connection is taken at its first statement. */
    public static UnitOfWork begin(DbClient db) {
        return new UnitOfWork(db);
    }

    @Override
    public DbExecute execute() {
        return open == null ? db.execute() : open;
    }

    @Override
    public <T> T inTransaction(Function<DbExecute, T> work) {
        return open == null ? Transactions.inTransaction(db, work) : work.apply(open);
    }

    /** Makes everything so far durable at once; what comes later runs on its own. */
    public void commit() {
        if (open != null) {
            DbTransaction committing = open;
            open = null;
            committing.commit();
        }
    }

    /** Rolls back what was not committed. */
    @Override
    public void close() {
        if (open != null) {
            DbTransaction abandoned = open;
            open = null;
            abandoned.rollback();
        }
    }
}
