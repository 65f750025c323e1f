package app.tdah.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.graphql.UserError;
import app.tdah.platform.BearerSecrets;

/** Sign-up, sign-in and sessions. */
public final class AccountService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final UserError INVALID_CREDENTIALS =
            new UserError(null, "That email and password don't match an account.", UserError.Code.INVALID_CREDENTIALS);
    private static final UserError NO_SESSION =
            new UserError(null, "Your session has ended. Please sign in again.", UserError.Code.NOT_AUTHENTICATED);

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final Duration refreshLifetime;
    private final Duration reuseGrace;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(AccountRepository repository, PasswordHasher hasher, PasswordPolicy passwordPolicy,
                          LoginThrottle throttle, AccessTokens accessTokens, Duration refreshLifetime, Duration reuseGrace,
                          AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.refreshLifetime = refreshLifetime;
        this.reuseGrace = reuseGrace;
        this.clock = clock;
    }

    /** A signed-in session: the access token for requests and the refresh token for the cookie. */
    public record Session(User user, AccessTokens.Issued access, String refreshToken, Instant refreshExpiresAt) {
    }

    /** Either a session or the reasons there is none. */
    public record AuthResult(Optional<Session> session, List<UserError> errors) {
        static AuthResult success(Session session) {
            return new AuthResult(Optional.of(session), List.of());
        }

        static AuthResult failure(List<UserError> errors) {
            return new AuthResult(Optional.empty(), List.copyOf(errors));
        }
    }

    public record Registration(String email, String password, String displayName, String timeZone) {
    }

    public AuthResult register(Registration input, ClientInfo client) {
        String email = normaliseEmail(input.email());
        List<UserError> errors = new ArrayList<>();
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            errors.add(new UserError("email", "Enter an email address like name@example.com.", UserError.Code.INVALID));
        }
        passwordPolicy.check(input.password()).ifPresent(errors::add);
        String displayName = ProfileRules.displayName(input.displayName(), errors);
        ProfileRules.timeZone(input.timeZone(), errors);
        if (!errors.isEmpty()) {
            return AuthResult.failure(errors);
        }
        User user = new User(UUID.randomUUID(), email, displayName, input.timeZone(), "user",
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!repository.insertUser(user, hasher.hash(input.password()))) {
            return AuthResult.failure(List.of(new UserError("email",
                    "An account with this email already exists. Try signing in.", UserError.Code.ALREADY_EXISTS)));
        }
        audit.record(AuditEvent.bySelf(AuditAction.REGISTERED, AuditEvent.Outcome.SUCCESS, user.id(), client, Map.of()));
        return AuthResult.success(startSession(user, UUID.randomUUID(), clock.instant().plus(refreshLifetime), client));
    }

    public AuthResult login(String email, String password, ClientInfo client) {
        String normalised = normaliseEmail(email);
        LoginThrottle.Attempt attempt = throttle.admit(normalised, client.ip());
        Optional<AccountRepository.StoredUser> stored = repository.findByEmail(normalised);
        UUID subject = stored.map(s -> s.user().id()).orElse(null);
        if (!attempt.admitted()) {
            audit.record(AuditEvent.against(AuditAction.SIGN_IN_THROTTLED, AuditEvent.Outcome.DENIED, subject, client,
                    Map.of("attempt", Long.toString(attempt.number()))));
            return AuthResult.failure(List.of(INVALID_CREDENTIALS));
        }
        boolean passwordMatches = false;
        if (stored.isPresent()) {
            passwordMatches = password != null && hasher.verify(password, stored.get().passwordHash());
        } else {
            hasher.verifyDecoy(password == null ? "" : password); // the same time class as a known account
        }
        if (!passwordMatches || !stored.get().active()) {
            passwordCheckFailed(AuditAction.SIGN_IN_FAILED, normalised, subject, client, attempt, stored.isEmpty() ? "unknown_account"
                    : !passwordMatches ? "wrong_password" : "deactivated");
            return AuthResult.failure(List.of(INVALID_CREDENTIALS));
        }
        throttle.succeeded(normalised);
        User user = stored.get().user();
        audit.record(AuditEvent.bySelf(AuditAction.SIGN_IN, AuditEvent.Outcome.SUCCESS, user.id(), client, Map.of()));
        return AuthResult.success(startSession(user, UUID.randomUUID(), clock.instant().plus(refreshLifetime), client));
    }

    /**
     * Re-authentication before an irreversible change, such as deleting the account: the account's current password,
     * checked under the same throttle as sign-in, so that a stolen access token cannot be used to guess it.
     */
    public boolean confirmPassword(UUID userId, String password, ClientInfo client) {
        Optional<AccountRepository.StoredUser> stored = repository.findById(userId).flatMap(u -> repository.findByEmail(u.email()));
        if (stored.isEmpty()) {
            return false;
        }
        String email = stored.get().user().email();
        LoginThrottle.Attempt attempt = throttle.admit(email, client.ip());
        if (!attempt.admitted()) {
            audit.record(AuditEvent.bySelf(AuditAction.PASSWORD_CONFIRMATION_FAILED, AuditEvent.Outcome.DENIED, userId, client,
                    Map.of("reason", "throttled", "attempt", Long.toString(attempt.number()))));
            return false;
        }
        if (password != null && hasher.verify(password, stored.get().passwordHash())) {
            throttle.succeeded(email);
            return true;
        }
        passwordCheckFailed(AuditAction.PASSWORD_CONFIRMATION_FAILED, email, userId, client, attempt, "wrong_password");
        return false;
    }

    /** Counts the failure against the account and the address, and records it with what it led to. */
    private void passwordCheckFailed(AuditAction action, String email, UUID subject, ClientInfo client,
                                     LoginThrottle.Attempt attempt, String reason) {
        LoginThrottle.Consequence consequence = throttle.failed(email, client.ip(), attempt);
        audit.record(AuditEvent.against(action, AuditEvent.Outcome.FAILURE, subject, client,
                Map.of("reason", reason, "attempt", Long.toString(attempt.number()))));
        if (consequence.accountLocked()) {
            audit.record(AuditEvent.against(AuditAction.ACCOUNT_LOCKED, AuditEvent.Outcome.DENIED, subject, client,
                    Map.of("minutes", Long.toString(consequence.delay().toMinutes()))));
        }
        if (consequence.addressBlocked()) {
            audit.record(AuditEvent.against(AuditAction.ADDRESS_BLOCKED, AuditEvent.Outcome.DENIED, subject, client, Map.of()));
        }
    }

    /**
     * Rotates a refresh token: the presented one is spent and a new one of the same family is issued, keeping the
     * family's absolute expiry. Presenting a spent token again means it was copied, and the whole family is revoked;
     * except within a short grace after it was spent, when it is the same browser retrying a refresh whose answer it
     * never received (a reload mid-request).
     */
    public AuthResult refresh(Optional<String> refreshToken, ClientInfo client) {
        if (refreshToken.isEmpty()) {
            return AuthResult.failure(List.of(NO_SESSION));
        }
        byte[] hash = BearerSecrets.sha256(refreshToken.get());
        Optional<AccountRepository.RefreshTokenRow> claimed = repository.claimRefreshToken(hash)
                .or(() -> repository.findRefreshToken(hash).filter(this::isRetryWithinGrace));
        if (claimed.isEmpty()) {
            repository.findRefreshToken(hash)
                    .filter(row -> row.usedAt() != null)
                    .ifPresent(reused -> {
                        long revoked = repository.revokeFamily(reused.familyId());
                        audit.record(AuditEvent.against(AuditAction.REFRESH_TOKEN_REUSED, AuditEvent.Outcome.DENIED,
                                reused.userId(), client, Map.of("family", reused.familyId().toString(),
                                        "revokedTokens", Long.toString(revoked))));
                    });
            return AuthResult.failure(List.of(NO_SESSION));
        }
        AccountRepository.RefreshTokenRow row = claimed.get();
        return repository.findById(row.userId())
                .filter(user -> effectiveRole(user.id()).isPresent())
                .map(user -> AuthResult.success(startSession(user, row.familyId(), row.expiresAt(), client)))
                .orElseGet(() -> AuthResult.failure(List.of(NO_SESSION)));
    }

    private boolean isRetryWithinGrace(AccountRepository.RefreshTokenRow row) {
        Instant now = clock.instant();
        return row.usedAt() != null && !row.revoked() && row.expiresAt().isAfter(now)
                && row.usedAt().plus(reuseGrace).isAfter(now);
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logging out always succeeds. */
    public void logout(Optional<String> refreshToken, ClientInfo client) {
        refreshToken.flatMap(token -> repository.findRefreshToken(BearerSecrets.sha256(token)))
                .ifPresent(row -> {
                    repository.revokeFamily(row.familyId());
                    audit.record(AuditEvent.bySelf(AuditAction.SIGNED_OUT, AuditEvent.Outcome.SUCCESS, row.userId(), client, Map.of()));
                });
    }

    /** The role the account has now; empty when it is deactivated or gone. What authorisation checks on every request. */
    public Optional<Role> effectiveRole(UUID userId) {
        return repository.activeRole(userId).flatMap(Role::ofCode);
    }

    public Optional<Preferences> preferences(UUID userId) {
        return repository.preferences(userId);
    }

    /** The changed preferences, or the reasons they were refused; fields left empty keep their value. */
    public record PreferencesResult(Optional<Preferences> preferences, List<UserError> errors) {
    }

    public PreferencesResult updatePreferences(UUID userId, Optional<Integer> threshold, Optional<String> quietStart,
                                               Optional<String> quietEnd, Optional<String> digestTime) {
        Preferences current = repository.preferences(userId).orElseThrow();
        List<UserError> errors = new ArrayList<>();
        threshold.filter(t -> t < Preferences.MIN_THRESHOLD || t > Preferences.MAX_THRESHOLD).ifPresent(t -> errors.add(
                new UserError("breakdownThreshold", "Pick a number from " + Preferences.MIN_THRESHOLD + " to "
                        + Preferences.MAX_THRESHOLD + ".", UserError.Code.INVALID)));
        Optional<LocalTime> start = quietStart.flatMap(text -> localTime(text, "quietStart", errors));
        Optional<LocalTime> end = quietEnd.flatMap(text -> localTime(text, "quietEnd", errors));
        Optional<LocalTime> digest = digestTime.flatMap(text -> localTime(text, "digestTime", errors));
        if (!errors.isEmpty()) {
            return new PreferencesResult(Optional.empty(), errors);
        }
        Preferences updated = new Preferences(threshold.orElse(current.breakdownThreshold()),
                start.orElse(current.quietStart()), end.orElse(current.quietEnd()), digest.orElse(current.digestTime()));
        repository.updatePreferences(userId, updated);
        return new PreferencesResult(Optional.of(updated), List.of());
    }

    private static Optional<LocalTime> localTime(String text, String field, List<UserError> errors) {
        try {
            return Optional.of(LocalTime.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new UserError(field, "Use a time like 22:00.", UserError.Code.INVALID));
            return Optional.empty();
        }
    }

    public Optional<User> user(UUID id) {
        return repository.findById(id);
    }

    private Session startSession(User user, UUID familyId, Instant refreshExpiresAt, ClientInfo client) {
        String refreshToken = BearerSecrets.generate();
        repository.insertRefreshToken(UUID.randomUUID(), user.id(), familyId, BearerSecrets.sha256(refreshToken),
                refreshExpiresAt, client);
        return new Session(user, accessTokens.issue(user.id(), user.role()), refreshToken, refreshExpiresAt);
    }

    private static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
