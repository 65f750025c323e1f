package app.tdah.mfa;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.tdah.identity.ClientInfo;
import app.tdah.identity.Role;
import app.tdah.accounts.SecondFactor;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.platform.BearerSecrets;

/** The second factor as sign-in and authorisation see it: who has MFA, who must, and the challenges between the steps. */
public final class MfaGate implements SecondFactor {

    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    private final MfaRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean requiredForAdmins;

    public MfaGate(MfaRepository repository, AuditLog audit, Clock clock, boolean requiredForAdmins) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.requiredForAdmins = requiredForAdmins;
    }

    @Override
    public boolean isEnabled(UUID userId) {
        return repository.isEnabled(userId);
    }

    @Override
    public boolean isRequiredFor(Role role) {
        return requiredForAdmins && role == Role.ADMIN;
    }

    /** A bearer token like a refresh token: random, kept only as its SHA-256, spent by {@code verifyMfa}. */
    @Override
    public String issueChallenge(UUID userId, ClientInfo client) {
        String token = BearerSecrets.generate();
        repository.insertChallenge(userId, BearerSecrets.sha256(token), clock.instant().plus(CHALLENGE_LIFETIME));
        audit.record(AuditEvent.bySelf(AuditAction.MFA_CHALLENGE_ISSUED, AuditEvent.Outcome.SUCCESS, userId, client,
                Map.of("minutes", Long.toString(CHALLENGE_LIFETIME.toMinutes()))));
        return token;
    }
}
