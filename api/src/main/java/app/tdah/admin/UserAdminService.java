package app.tdah.admin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.AccountRecords;
import app.tdah.identity.ClientInfo;
import app.tdah.identity.Role;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;
import app.tdah.paging.SequenceCursor;
import app.tdah.errors.UserError;

import io.helidon.dbclient.DbExecute;

/**
 * What admins do to accounts: find them, change their role, deactivate and reactivate them, and read the audit log.
 * Every one of these is recorded with the admin as actor and the person (if one) as subject, refusals included.
 */
public final class UserAdminService {

    static final UserError NOT_FOUND = new UserError("userId", "That account doesn't exist.", UserError.Code.NOT_FOUND);
    private static final UserError LAST_ADMIN = new UserError("userId",
            "This is the last active admin account: make someone else an admin first.", UserError.Code.INVALID);
    private static final UserError SELF_DEACTIVATION = new UserError("userId",
            "You can't deactivate your own account.", UserError.Code.INVALID);

    private final UserAdminRepository repository;
    private final AccountRecords records;
    private final AuditLog audit;

    public UserAdminService(UserAdminRepository repository, AccountRecords records, AuditLog audit) {
        this.repository = repository;
        this.records = records;
        this.audit = audit;
    }

    /** The changed account, or why nothing changed. */
    public record Result(Optional<ManagedUser> user, List<UserError> errors) {
        static Result of(ManagedUser user) {
            return new Result(Optional.of(user), List.of());
        }

        static Result refused(UserError error) {
            return new Result(Optional.empty(), List.of(error));
        }
    }

    Page<ManagedUser> users(UUID adminId, Optional<String> search, Optional<Role> role, PageRequest<KeysetCursor> request,
                            ClientInfo client) {
        Map<String, String> filters = new LinkedHashMap<>();
        role.ifPresent(r -> filters.put("role", r.code()));
        // Whether a search was made, not its text: that may be someone's email, which the trail must not keep.
        search.ifPresent(s -> filters.put("search", "yes"));
        audit.record(new AuditEvent(AuditAction.USERS_SEARCHED, AuditEvent.Outcome.SUCCESS, adminId, null, client, filters));
        return repository.search(search, role, request);
    }

    Page<AuditLog.Entry> auditPage(UUID adminId, AuditLog.Filter filter, PageRequest<SequenceCursor> request, ClientInfo client) {
        Map<String, String> filters = new LinkedHashMap<>();
        filter.action().ifPresent(a -> filters.put("action", a.code()));
        filter.outcome().ifPresent(o -> filters.put("outcome", o.name().toLowerCase(Locale.ROOT)));
        filter.from().ifPresent(f -> filters.put("from", f.toString()));
        filter.until().ifPresent(u -> filters.put("until", u.toString()));
        audit.record(new AuditEvent(AuditAction.AUDIT_LOG_READ, AuditEvent.Outcome.SUCCESS, adminId,
                filter.person().orElse(null), client, filters));
        return audit.page(filter, request);
    }

    public Result changeRole(UUID adminId, UUID userId, Role role, ClientInfo client) {
        return repository.inTransaction(tx -> {
            repository.lockAdminMembership(tx);
            Optional<ManagedUser> target = repository.find(tx, userId);
            if (target.isEmpty()) {
                return refuse(tx, AuditAction.ROLE_CHANGED, adminId, null, client, NOT_FOUND, "not_found");
            }
            Role from = target.get().role();
            if (from == Role.ADMIN && role != Role.ADMIN && repository.isLastActiveAdmin(tx, userId)) {
                return refuse(tx, AuditAction.ROLE_CHANGED, adminId, userId, client, LAST_ADMIN, "last_active_admin");
            }
            records.setRole(tx, userId, role);
            audit.record(tx, new AuditEvent(AuditAction.ROLE_CHANGED, AuditEvent.Outcome.SUCCESS, adminId, userId, client,
                    Map.of("from", from.code(), "to", role.code())));
            return Result.of(target.get().withRole(role));
        });
    }

    public Result deactivate(UUID adminId, UUID userId, ClientInfo client) {
        return repository.inTransaction(tx -> {
            repository.lockAdminMembership(tx);
            Optional<ManagedUser> target = repository.find(tx, userId);
            if (target.isEmpty()) {
                return refuse(tx, AuditAction.ACCOUNT_DEACTIVATED, adminId, null, client, NOT_FOUND, "not_found");
            }
            if (userId.equals(adminId)) {
                return refuse(tx, AuditAction.ACCOUNT_DEACTIVATED, adminId, userId, client, SELF_DEACTIVATION, "self");
            }
            // The caller is an active admin, so this holds only when another admin deactivated the caller meanwhile.
            if (target.get().role() == Role.ADMIN && repository.isLastActiveAdmin(tx, userId)) {
                return refuse(tx, AuditAction.ACCOUNT_DEACTIVATED, adminId, userId, client, LAST_ADMIN, "last_active_admin");
            }
            long revoked = records.deactivate(tx, userId);
            audit.record(tx, new AuditEvent(AuditAction.ACCOUNT_DEACTIVATED, AuditEvent.Outcome.SUCCESS, adminId, userId, client,
                    Map.of("revokedTokens", Long.toString(revoked))));
            return Result.of(repository.find(tx, userId).orElseThrow());
        });
    }

    public Result reactivate(UUID adminId, UUID userId, ClientInfo client) {
        return repository.inTransaction(tx -> {
            if (repository.find(tx, userId).isEmpty()) {
                return refuse(tx, AuditAction.ACCOUNT_REACTIVATED, adminId, null, client, NOT_FOUND, "not_found");
            }
            records.reactivate(tx, userId);
            audit.record(tx, new AuditEvent(AuditAction.ACCOUNT_REACTIVATED, AuditEvent.Outcome.SUCCESS, adminId, userId,
                    client, Map.of()));
            return Result.of(repository.find(tx, userId).orElseThrow());
        });
    }

    /**
     * Whether taking this account away would leave no active admin, inside the caller's transaction (an account
     * deletion), which holds the admin-membership lock from here to its end.
     */
    public boolean isLastActiveAdmin(DbExecute tx, UUID userId) {
        repository.lockAdminMembership(tx);
        return repository.isLastActiveAdmin(tx, userId);
    }

    Map<UUID, ManagedUser> accounts(Collection<UUID> ids) {
        return repository.findAll(ids);
    }

    private Result refuse(DbExecute tx, AuditAction action, UUID adminId, UUID subjectId, ClientInfo client, UserError error,
                          String reason) {
        audit.record(tx, new AuditEvent(action, AuditEvent.Outcome.FAILURE, adminId, subjectId, client, Map.of("reason", reason)));
        return Result.refused(error);
    }
}
