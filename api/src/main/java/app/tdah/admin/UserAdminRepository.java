package app.tdah.admin;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.nullableInstant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.tdah.identity.Role;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;
import app.tdah.platform.Transactions;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** All SQL of account administration: listing people, their role and active state, and how many admins remain. */
public final class UserAdminRepository {

    private static final String COLUMNS = "id, email::text AS email, display_name, role, created_at, deactivated_at";
    /**
     * Serialises every change that could leave no active admin (a role change, a deactivation, an account deletion),
     * so that two admins demoting or deactivating each other at the same moment cannot both succeed.
     */
    private static final long ADMIN_MEMBERSHIP_LOCK = 0x7064_6164_6d69_6e73L;

    private final DbClient db;

    public UserAdminRepository(DbClient db) {
        this.db = db;
    }

    <T> T inTransaction(Function<DbExecute, T> work) {
        return Transactions.inTransaction(db, work);
    }

    /** Newest accounts first, after the keyset cursor; {@code search} is a case-insensitive substring of email or name. */
    Page<ManagedUser> search(Optional<String> search, Optional<Role> role, PageRequest<KeysetCursor> request) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("true");
        search.ifPresent(text -> {
            where.append(" AND (strpos(lower(email::text), lower(?)) > 0 OR strpos(lower(display_name), lower(?)) > 0)");
            params.add(text);
            params.add(text);
        });
        role.ifPresent(r -> {
            where.append(" AND role = ?");
            params.add(r.code());
        });
        long total = db.execute().get("SELECT count(*) AS n FROM users WHERE " + where, params.toArray())
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
        where.append(KeysetCursor.continuing(request.after(), "created_at", "id", params));
        params.add(request.fetchSize());
        List<ManagedUser> rows = db.execute().query("SELECT " + COLUMNS + " FROM users WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT ?", params.toArray())
                .map(UserAdminRepository::managedUser).toList();
        return request.page(rows, total);
    }

    Optional<ManagedUser> find(DbExecute exec, UUID id) {
        return exec.get("SELECT " + COLUMNS + " FROM users WHERE id = ?::uuid", id).map(UserAdminRepository::managedUser);
    }

    /** The accounts among the ids that still exist (deleted people's pseudonyms match nothing). */
    Map<UUID, ManagedUser> findAll(Collection<UUID> ids) {
        String array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        return db.execute().query("SELECT " + COLUMNS + " FROM users WHERE id = ANY (?::uuid[])", array)
                .map(UserAdminRepository::managedUser)
                .collect(Collectors.toMap(ManagedUser::id, Function.identity()));
    }

    /** Takes the admin-membership lock until the end of the transaction; see {@link #ADMIN_MEMBERSHIP_LOCK}. */
    void lockAdminMembership(DbExecute tx) {
        tx.get("SELECT true AS locked FROM pg_advisory_xact_lock(?)", ADMIN_MEMBERSHIP_LOCK);
    }

    /** Whether this account is an active admin and no other is: taking that role away would leave none. */
    boolean isLastActiveAdmin(DbExecute tx, UUID userId) {
        return tx.get("SELECT bool_or(id = ?::uuid) AND count(*) = 1 AS last FROM users "
                        + "WHERE role = 'admin' AND deactivated_at IS NULL", userId)
                .map(row -> Boolean.TRUE.equals(row.column("last").get(Boolean.class))).orElse(false);
    }

    private static ManagedUser managedUser(DbRow row) {
        return new ManagedUser(row.column("id").get(UUID.class), row.column("email").get(String.class),
                row.column("display_name").get(String.class), Role.ofCode(row.column("role").get(String.class)).orElseThrow(),
                instant(row, "created_at"), nullableInstant(row, "deactivated_at"));
    }
}
