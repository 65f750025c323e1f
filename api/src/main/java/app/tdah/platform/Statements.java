package app.tdah.platform;

import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/**
 * Where a repository's statements run: each change in a transaction of its own (a web request), or every change in
 * the one transaction its caller opened and commits ({@link UnitOfWork}: a text, all of whose changes commit at once).
 */
public interface Statements {

    /** Runs single statements. */
    DbExecute execute();

    /** Runs writes that commit together; inside a caller's open transaction they are simply part of it. */
    <T> T inTransaction(Function<DbExecute, T> work);

    /** Each statement, and each {@link #inTransaction} block, commits on its own. */
    static Statements eachOnItsOwn(DbClient db) {
        return new Statements() {
            @Override
            public DbExecute execute() {
                return db.execute();
            }

            @Override
            public <T> T inTransaction(Function<DbExecute, T> work) {
                return Transactions.inTransaction(db, work);
            }
        };
    }

    /** Every statement in the caller's open transaction {@code tx}: what they change commits or rolls back with it. */
    static Statements within(DbExecute tx) {
        return new Statements() {
            @Override
            public DbExecute execute() {
                return tx;
            }

            @Override
            public <T> T inTransaction(Function<DbExecute, T> work) {
                return work.apply(tx);
            }
        };
    }
}
