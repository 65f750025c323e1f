package app.tdah.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.tdah.identity.Role;

import io.helidon.dbclient.DbExecute;

/**
 * The changes to an account (its {@code users} row and its sessions' refresh tokens) that other features and the
 * accounts feature's own parts make, each inside the caller's transaction. The accounts feature owns both tables:
 * every write goes through {@link AccountRepository}, here or in {@link AccountService}.
 */
public final class AccountRecords {

    private final AccountRepository repository;

    AccountRecords(AccountRepository repository) {
        this.repository = repository;
    }

    /** False when the person has no live session with that id. */
    public boolean revokeSession(DbExecute tx, UUID userId, UUID sessionId) {
        return repository.revokeSession(tx, userId, sessionId);
    }

    /** Every session of the person but {@code keep} (all when null); returns how many were live. */
    public long revokeSessionsExcept(DbExecute tx, UUID userId, UUID keep) {
        return repository.revokeSessionsExcept(tx, userId, keep);
    }

    /** Marks the address verified if it is still the active account's; false otherwise. */
    public boolean confirmEmail(DbExecute tx, UUID userId, String email, Instant now) {
        return repository.confirmEmail(tx, userId, email, now);
    }

    /** False when another account took the address meanwhile, or the account is deactivated. */
    public boolean changeEmail(DbExecute tx, UUID userId, String email, Instant now) {
        return repository.changeEmail(tx, userId, email, now);
    }

    /** False when the account is deactivated or gone. */
    public boolean setPasswordHash(DbExecute tx, UUID userId, String passwordHash) {
        return repository.setPasswordHash(tx, userId, passwordHash);
    }

    public void setRole(DbExecute tx, UUID userId, Role role) {
        repository.setRole(tx, userId, role.code());
    }

    /** Deactivates the account and ends every session of it; returns how many refresh tokens were revoked. */
    public long deactivate(DbExecute tx, UUID userId) {
        return repository.deactivate(tx, userId);
    }

    public void reactivate(DbExecute tx, UUID userId) {
        repository.reactivate(tx, userId);
    }

    public void updateProfile(DbExecute tx, UUID userId, String displayName, String timeZone, String locale) {
        repository.updateProfile(tx, userId, displayName, timeZone, locale);
    }

    /** Deletes the account and, by the schema's cascades, everything that belongs to it. */
    public void delete(DbExecute tx, UUID userId) {
        repository.delete(tx, userId);
    }

    /** The day (in the person's zone) their daily digest went out. */
    public void markDigestSent(DbExecute tx, UUID userId, LocalDate day) {
        repository.markDigestSent(tx, userId, day);
    }
}
