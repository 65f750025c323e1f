package app.tdah.accounts.sessions;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.AccountRecords;
import app.tdah.identity.ClientInfo;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;

import io.helidon.dbclient.DbExecute;

/**
 * A person's signed-in sessions: listing them and ending them. Ending a session revokes its refresh tokens, so it
 * cannot be refreshed again, and the access tokens issued to it stop working at their next request.
 */
public final class SessionService {

    private final SessionRepository repository;
    private final AccountRecords records;
    private final AuditLog audit;

    public SessionService(SessionRepository repository, AccountRecords records, AuditLog audit) {
        this.repository = repository;
        this.records = records;
        this.audit = audit;
    }

    /** The person's live sessions, newest sign-in first. */
    public Page<Session> page(UUID userId, PageRequest<KeysetCursor> request) {
        return repository.page(userId, request);
    }

    public Optional<Session> find(UUID userId, UUID sessionId) {
        return repository.find(userId, sessionId);
    }

    /** Whether the person's live session signed in less than {@code age} ago. */
    public boolean signedInWithin(UUID userId, UUID sessionId, Duration age) {
        return repository.startedWithin(userId, sessionId, age.toSeconds());
    }

    /** Ends one of the person's live sessions; false when they have none with that id (someone else's included). */
    public boolean revoke(UUID userId, UUID sessionId, ClientInfo client) {
        return repository.inTransaction(tx -> {
            boolean revoked = records.revokeSession(tx, userId, sessionId);
            if (revoked) {
                audit.record(tx, AuditEvent.bySelf(AuditAction.SESSION_REVOKED, AuditEvent.Outcome.SUCCESS, userId, client,
                        Map.of("session", sessionId.toString())));
            }
            return revoked;
        });
    }

    /** Ends every session of the person but {@code current}, the one this request comes from; returns how many ended. */
    public long revokeOthers(UUID userId, UUID current, ClientInfo client) {
        return repository.inTransaction(tx -> {
            long revoked = revokeAllExcept(tx, userId, Optional.of(current));
            audit.record(tx, AuditEvent.bySelf(AuditAction.OTHER_SESSIONS_REVOKED, AuditEvent.Outcome.SUCCESS, userId, client,
                    Map.of("revokedSessions", Long.toString(revoked))));
            return revoked;
        });
    }

    /**
     * Ends every session of the person but {@code keep}, inside the caller's transaction (a password change or reset,
     * which records the event itself); returns how many live sessions ended.
     */
    public long revokeAllExcept(DbExecute tx, UUID userId, Optional<UUID> keep) {
        return records.revokeSessionsExcept(tx, userId, keep.orElse(null));
    }
}
