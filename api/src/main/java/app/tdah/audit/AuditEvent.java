package app.tdah.audit;

import java.util.Map;
import java.util.UUID;

import app.tdah.identity.ClientInfo;

/**
 * One security-relevant event: who did it (actor), to whom (subject), from where, and how it ended. Details are short
 * non-secret facts (a role name, a session id, the failure count); never a password, token, code or key.
 */
public record AuditEvent(AuditAction action, Outcome outcome, UUID actorId, UUID subjectId, ClientInfo client,
                         Map<String, String> details) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
        client = client == null ? ClientInfo.UNKNOWN : client;
    }

    /** Something a person did to their own account. */
    public static AuditEvent bySelf(AuditAction action, Outcome outcome, UUID userId, ClientInfo client, Map<String, String> details) {
        return new AuditEvent(action, outcome, userId, userId, client, details);
    }

    /** Something that happened to an account with no known actor (a failed sign-in, a lockout). */
    public static AuditEvent against(AuditAction action, Outcome outcome, UUID subjectId, ClientInfo client, Map<String, String> details) {
        return new AuditEvent(action, outcome, null, subjectId, client, details);
    }
}
