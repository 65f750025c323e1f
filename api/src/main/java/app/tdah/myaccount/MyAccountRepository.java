package app.tdah.myaccount;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** All SQL of "my account": the profile fields this feature owns, and deleting an account with its data. */
public final class MyAccountRepository {

    private final DbClient db;

    public MyAccountRepository(DbClient db) {
        this.db = db;
    }

    /** The profile fields a person edits here; the rest of the account is the accounts feature's. */
    record Profile(String email, String displayName, String timeZone, String locale, String role) {
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    Optional<Profile> profile(UUID userId) {
        return profile(db.execute(), userId);
    }

    Optional<Profile> profile(DbExecute exec, UUID userId) {
        return exec.get("SELECT email::text AS email, display_name, time_zone, locale, role FROM users WHERE id = ?::uuid", userId)
                .map(row -> new Profile(row.column("email").get(String.class), row.column("display_name").get(String.class),
                        row.column("time_zone").get(String.class), row.column("locale").get(String.class),
                        row.column("role").get(String.class)));
    }
}
