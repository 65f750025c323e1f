package app.tdah.myaccount;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.AccountRecords;
import app.tdah.accounts.AccountService;
import app.tdah.identity.ClientInfo;
import app.tdah.accounts.ProfileRules;
import app.tdah.admin.UserAdminService;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.tasks.TaskCommands;

/** The signed-in person's own account: their profile, a copy of all their data, and deleting it all. */
public final class MyAccountService {

    private static final UserError WRONG_PASSWORD =
            new UserError("password", "That isn't your current password.", UserError.Code.INVALID_CREDENTIALS);
    private static final UserError LAST_ADMIN = new UserError(null,
            "You're the last active admin: make someone else an admin before deleting your account.", UserError.Code.INVALID);

    private final MyAccountRepository repository;
    private final AccountRecords records;
    private final AccountService accounts;
    private final UserAdminService admins;
    private final TaskCommands tasks;
    private final DataExport export;
    private final AuditLog audit;
    private final Clock clock;

    public MyAccountService(MyAccountRepository repository, AccountRecords records, AccountService accounts, UserAdminService admins,
                            TaskCommands tasks, DataExport export, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.accounts = accounts;
        this.admins = admins;
        this.tasks = tasks;
        this.export = export;
        this.audit = audit;
        this.clock = clock;
    }

    /** The fields to change; empty ones keep their value. */
    public record ProfileChanges(Optional<String> displayName, Optional<String> timeZone, Optional<String> locale) {
    }

    /** Whether it worked, and if not why. */
    public record Outcome(boolean done, List<UserError> errors) {
        static final Outcome DONE = new Outcome(true, List.of());

        static Outcome refused(List<UserError> errors) {
            return new Outcome(false, List.copyOf(errors));
        }
    }

    Optional<MyAccountRepository.Profile> profile(UUID userId) {
        return repository.profile(userId);
    }

    public Outcome updateProfile(UUID userId, ProfileChanges changes, ClientInfo client) {
        MyAccountRepository.Profile current = repository.profile(userId).orElseThrow();
        List<UserError> errors = new ArrayList<>();
        String displayName = changes.displayName().map(name -> ProfileRules.displayName(name, errors)).orElse(current.displayName());
        changes.timeZone().ifPresent(zone -> ProfileRules.timeZone(zone, errors));
        String timeZone = changes.timeZone().orElse(current.timeZone());
        String locale = changes.locale().map(tag -> Locales.supported(tag).orElseGet(() -> {
            errors.add(new UserError("locale", "Pick one of: " + String.join(", ", Locales.SUPPORTED) + ".", UserError.Code.INVALID));
            return current.locale();
        })).orElse(current.locale());
        if (!errors.isEmpty()) {
            return Outcome.refused(errors);
        }
        List<String> changed = new ArrayList<>();
        if (!displayName.equals(current.displayName())) {
            changed.add("displayName");
        }
        if (!timeZone.equals(current.timeZone())) {
            changed.add("timeZone");
        }
        if (!locale.equals(current.locale())) {
            changed.add("locale");
        }
        if (changed.isEmpty()) {
            return Outcome.DONE;
        }
        repository.inTransaction(tx -> {
            records.updateProfile(tx, userId, displayName, timeZone, locale);
            if (changed.contains("timeZone")) {
                tasks.zoneChanged(tx, userId);
            }
            audit.record(tx, AuditEvent.bySelf(AuditAction.PROFILE_UPDATED, AuditEvent.Outcome.SUCCESS, userId, client,
                    Map.of("changed", String.join(",", changed))));
            return null;
        });
        return Outcome.DONE;
    }

    /** The person's data export (see {@link DataExport}), recorded in the audit log; empty when the account is gone. */
    public Optional<byte[]> export(UUID userId, ClientInfo client) {
        Optional<byte[]> document = export.export(userId, clock.instant());
        document.ifPresent(d -> audit.record(AuditEvent.bySelf(AuditAction.DATA_EXPORTED, AuditEvent.Outcome.SUCCESS, userId,
                client, Map.of("bytes", Integer.toString(d.length)))));
        return document;
    }

    /**
     * Deletes the account and all its data in one transaction, once the password is confirmed. The audit trail keeps
     * the person's events under a fresh random pseudonym (no way back to them), closed by a last pseudonymous
     * {@code account_deleted} event. The last active admin cannot delete their account: there would be none left.
     */
    public Outcome deleteAccount(UUID userId, String password, ClientInfo client) {
        if (!accounts.confirmPassword(userId, password, "delete_account", client)) {
            return Outcome.refused(List.of(WRONG_PASSWORD));
        }
        UUID pseudonym = UUID.randomUUID();
        return repository.inTransaction(tx -> {
            if (admins.isLastActiveAdmin(tx, userId)) {
                audit.record(tx, AuditEvent.bySelf(AuditAction.ACCOUNT_DELETED, AuditEvent.Outcome.FAILURE, userId, client,
                        Map.of("reason", "last_active_admin")));
                return Outcome.refused(List.of(LAST_ADMIN));
            }
            long pseudonymised = audit.pseudonymise(tx, userId, pseudonym);
            records.delete(tx, userId);
            audit.record(tx, new AuditEvent(AuditAction.ACCOUNT_DELETED, AuditEvent.Outcome.SUCCESS, pseudonym, pseudonym,
                    ClientInfo.UNKNOWN, Map.of("pseudonymisedEvents", Long.toString(pseudonymised))));
            return Outcome.DONE;
        });
    }
}
