package app.tdah.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.identity.Role;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.platform.BearerSecrets;
import app.tdah.identity.ClientInfo;
import app.tdah.identity.AccessTokens;
import app.tdah.identity.Principal;

import io.helidon.dbclient.DbExecute;

/** Sign-up, sign-in and sessions. */
public final class AccountService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final UserError INVALID_CREDENTIALS =
            new UserError(null, "That email and password don't match an account.", UserError.Code.INVALID_CREDENTIALS);
    private static final UserError NO_SESSION =
            new UserError(null, "Your session has ended. Please sign in again.", UserError.Code.NOT_AUTHENTICATED);
    private static final UserError TOO_MANY_SIGN_UPS = new UserError(null,
            "Too many accounts have been created from your network or on this server in the last hour. "
                    + "Please try again later.", UserError.Code.RATE_LIMITED);

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final SignUpLimits signUpLimits;
    private final AccessTokens accessTokens;
    private final Duration refreshLifetime;
    private final Duration reuseGrace;
    private final AuditLog audit;
    private final Clock clock;
    private final SecondFactor secondFactor;
    private final List<Consumer<User>> registrationHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<User>> takenAddressHooks = new CopyOnWriteArrayList<>();

    public AccountService(AccountRepository repository, PasswordHasher hasher, PasswordPolicy passwordPolicy,
                          LoginThrottle throttle, SignUpLimits signUpLimits, AccessTokens accessTokens, Duration refreshLifetime, Duration reuseGrace,
                          AuditLog audit, Clock clock, SecondFactor secondFactor) {
        this.repository = repository;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.throttle = throttle;
        this.signUpLimits = signUpLimits;
        this.accessTokens = accessTokens;
        this.refreshLifetime = refreshLifetime;
        this.reuseGrace = reuseGrace;
        this.clock = clock;
    }

    /** A signed-in session: the access token for requests and the refresh token for the cookie. */
    public record Session(User user, AccessTokens.Issued access, String refreshToken, Instant refreshExpiresAt) {
    }

    /** A session, or a challenge for the second factor (MFA on), or the reasons there is neither. */
    public record AuthResult(Optional<Session> session, Optional<String> mfaChallenge, List<UserError> errors) {
        public static AuthResult success(Session session) {
            return new AuthResult(Optional.of(session), Optional.empty(), List.of());
        }

        public static AuthResult failure(List<UserError> errors) {
            return new AuthResult(Optional.empty(), Optional.empty(), List.copyOf(errors));
        }

        static AuthResult challenge(String mfaChallenge) {
            return new AuthResult(Optional.empty(), Optional.of(mfaChallenge), List.of());
        }
    }

    /** {@code locale}: the language the account starts in, as {@link ProfileLanguage#of} reads it (null is English). */
    public record Registration(String email, String password, String displayName, String timeZone, String locale) {
    }

    /** Work other features do for each new account once it exists, such as mailing the verification link. */
    public void onRegistered(Consumer<User> hook) {
        registrationHooks.add(hook);
    }

    /** Told of a sign-up with the address of an existing account (given that account), in place of a new one. */
    public void onSignUpWithTakenAddress(Consumer<User> hook) {
        takenAddressHooks.add(hook);
    }

    /**
     * Signs a new person up, or refuses their input. A sign-up with the address of an existing account gets the same
     * answer as a new one (nothing is created; the owner is mailed), so sign-up tells nobody who has an account here;
     * the password is hashed either way, so neither does its time. The person signs in with {@link #login} next, which
     * works for the account just created and answers as for any wrong password otherwise.
     */
    public List<UserError> register(Registration input, ClientInfo client) {
        String email = normaliseEmail(input.email());
        List<UserError> errors = new ArrayList<>();
        if (!isWellFormedEmail(email)) {
            errors.add(new UserError("email", "Enter an email address like name@example.com.", UserError.Code.INVALID));
        }
        passwordPolicy.check(input.password()).ifPresent(errors::add);
        String displayName = ProfileRules.displayName(input.displayName(), errors);
        ProfileRules.timeZone(input.timeZone(), errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!signUpLimits.admit(client.ip())) {
            return List.of(TOO_MANY_SIGN_UPS);
        }
        User user = new User(UUID.randomUUID(), email, displayName, input.timeZone(), "user",
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        // Stored with the account (one INSERT), so the verification mail the hooks queue goes out in it.
        String language = ProfileLanguage.of(input.locale()).code();
        if (repository.insertUser(user, hasher.hash(input.password()), language)) {
            audit.record(AuditEvent.bySelf(AuditAction.REGISTERED, AuditEvent.Outcome.SUCCESS, user.id(), client, Map.of()));
            registrationHooks.forEach(hook -> hook.accept(user));
        } else {
            repository.findByEmail(email).map(AccountRepository.StoredUser::user).ifPresent(owner -> {
                audit.record(AuditEvent.against(AuditAction.SIGN_UP_ADDRESS_TAKEN, AuditEvent.Outcome.DENIED, owner.id(),
                        client, Map.of()));
                takenAddressHooks.forEach(hook -> hook.accept(owner));
            });
        }
        return List.of();
    }

    public AuthResult login(String email, String password, ClientInfo client) {
        String normalised = normaliseEmail(email);
        Optional<AccountRepository.StoredUser> stored = repository.findByEmail(normalised);
        UUID subject = stored.map(s -> s.user().id()).orElse(null);
        LoginThrottle.Attempt attempt = admitAttempt(normalised, subject, client, Map.of());
        if (!attempt.admitted()) {
            return AuthResult.failure(List.of(INVALID_CREDENTIALS));
        }
        boolean passwordMatches = false;
        if (stored.isPresent()) {
            passwordMatches = password != null && hasher.verify(password, stored.get().passwordHash());
        } else {
            hasher.verifyDecoy(password == null ? "" : password); // the same time class as a known account
        }
        if (!passwordMatches || !stored.get().active()) {
            attemptFailed(normalised, subject, client, attempt, AuditAction.SIGN_IN_FAILED, Map.of("reason",
                    stored.isEmpty() ? "unknown_account" : !passwordMatches ? "wrong_password" : "deactivated"));
            return AuthResult.failure(List.of(INVALID_CREDENTIALS));
        }
        User user = stored.get().user();
        return signInAfterFirstFactor(user, client, Map.of());
    }

    /**
     * Signs in someone whose first factor is proven (their password, or a provider's ID token when they sign in with
     * Google or Microsoft): a session, or a second-factor challenge when the account has MFA on.
     */
    public AuthResult signInAfterFirstFactor(User user, ClientInfo client, Map<String, String> details) {
        if (secondFactor.isEnabled(user.id())) {
            // The throttle's count stands until the code is right too: a right password clearing it would let
            // someone who has the password guess codes without end.
            return AuthResult.challenge(secondFactor.issueChallenge(user.id(), client));
        }
        return AuthResult.success(completeSignIn(user, client, details));
    }

    /**
     * The last step of every sign-in, by password alone or with a second factor: the failure count is cleared, the
     * sign-in recorded (with {@code details} such as the factor used) and a new session started.
     */
    public Session completeSignIn(User user, ClientInfo client, Map<String, String> details) {
        throttle.succeeded(normaliseEmail(user.email()));
        audit.record(AuditEvent.bySelf(AuditAction.SIGN_IN, AuditEvent.Outcome.SUCCESS, user.id(), client, details));
        return openSession(user, client);
    }

    /**
     * Re-authentication before a sensitive change (a new password or email, deleting the account): the account's
     * current password, checked as a sign-in step under the same throttle, so that a stolen access token cannot be
     * used to guess it. {@code during} names the change in the audit trail. False while sign-in is throttled too.
     */
    public boolean confirmPassword(UUID userId, String password, String during, ClientInfo client) {
        Optional<User> user = repository.findById(userId);
        if (user.isEmpty()) {
            return false;
        }
        String email = user.get().email();
        LoginThrottle.Attempt attempt = admitAttempt(email, userId, client, Map.of("during", during));
        if (!attempt.admitted()) {
            return false;
        }
        if (passwordMatches(userId, password)) {
            return true;
        }
        attemptFailed(email, userId, client, attempt, AuditAction.PASSWORD_CONFIRMATION_FAILED,
                Map.of("during", during, "reason", "wrong_password"));
        return false;
    }

    /** Whether this is the account's password. Not throttled here: see {@link #confirmPassword}. */
    public boolean passwordMatches(UUID userId, String password) {
        return password != null && repository.findById(userId)
                .flatMap(user -> repository.findByEmail(user.email()))
                .map(stored -> hasher.verify(password, stored.passwordHash()))
                .orElse(false);
    }

    /**
     * Admits one sign-in step for the account (a password, or a second-factor code), and records a refusal with
     * {@code details}. A refused step must get the same answer as a wrong one.
     */
    public LoginThrottle.Attempt admitAttempt(String email, UUID subject, ClientInfo client, Map<String, String> details) {
        LoginThrottle.Attempt attempt = throttle.admit(email, client.ip());
        if (!attempt.admitted()) {
            audit.record(AuditEvent.against(AuditAction.SIGN_IN_THROTTLED, AuditEvent.Outcome.DENIED, subject, client,
                    withAttempt(details, attempt)));
        }
        return attempt;
    }

    /**
     * Counts a failed sign-in step (a wrong password, a wrong second-factor code) against the account and the address,
     * and records it as {@code action} with {@code details}, then what it led to: a locked account, a blocked address.
     */
    public LoginThrottle.Consequence attemptFailed(String email, UUID subject, ClientInfo client, LoginThrottle.Attempt attempt,
                                                  AuditAction action, Map<String, String> details) {
        LoginThrottle.Consequence consequence = throttle.failed(email, client.ip(), attempt);
        audit.record(AuditEvent.against(action, AuditEvent.Outcome.FAILURE, subject, client, withAttempt(details, attempt)));
        if (consequence.accountLocked()) {
            audit.record(AuditEvent.against(AuditAction.ACCOUNT_LOCKED, AuditEvent.Outcome.DENIED, subject, client,
                    Map.of("minutes", Long.toString(consequence.delay().toMinutes()))));
        }
        if (consequence.addressBlocked()) {
            audit.record(AuditEvent.against(AuditAction.ADDRESS_BLOCKED, AuditEvent.Outcome.DENIED, subject, client, Map.of()));
        }
        return consequence;
    }

    private static Map<String, String> withAttempt(Map<String, String> details, LoginThrottle.Attempt attempt) {
        Map<String, String> all = new HashMap<>(details);
        all.put("attempt", Long.toString(attempt.number()));
        return all;
    }

    /**
     * Rotates a refresh token: the presented one is spent and a new one of the same family is issued, keeping the
     * family's absolute expiry. Presenting a spent token again means it was copied, and the whole family is revoked;
     * except once within a short grace after it was spent, when it is the same browser retrying a refresh whose answer
     * it never received (a reload mid-request): that retry replaces the successor it never got, so the family still
     * has a single live token.
     */
    public AuthResult refresh(Optional<String> refreshToken, ClientInfo client) {
        if (refreshToken.isEmpty()) {
            return AuthResult.failure(List.of(NO_SESSION));
        }
        byte[] hash = BearerSecrets.sha256(refreshToken.get());
        Optional<AccountRepository.RefreshTokenRow> claimed = repository.claimRefreshToken(hash)
                .or(() -> repository.claimGraceRetry(hash, reuseGrace));
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

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logging out always succeeds. */
    public void logout(Optional<String> refreshToken, ClientInfo client) {
        refreshToken.flatMap(token -> repository.findRefreshToken(BearerSecrets.sha256(token)))
                .ifPresent(row -> {
                    repository.revokeFamily(row.familyId());
                    audit.record(AuditEvent.bySelf(AuditAction.SIGNED_OUT, AuditEvent.Outcome.SUCCESS, row.userId(), client, Map.of()));
                });
    }

    /**
     * The role the account has now; empty when it is deactivated or gone. What authorisation checks on every request.
     * A role that requires MFA (an operator's choice for admins) counts as a plain user's until MFA is on.
     */
    public Optional<Role> effectiveRole(UUID userId) {
        return withSecondFactorRule(userId, repository.activeRole(userId));
    }

    /**
     * The role a request's principal acts with: as {@link #effectiveRole(UUID)}, and empty as soon as the session its
     * token was issued to has ended (signed out, revoked, ended by a password reset), in the same one lookup.
     */
    public Optional<Role> liveRole(Principal principal) {
        return withSecondFactorRule(principal.userId(), repository.activeRoleInSession(principal.userId(), principal.sessionId(),
                clock.instant()));
    }

    private Optional<Role> withSecondFactorRule(UUID userId, Optional<String> code) {
        return code.flatMap(Role::ofCode)
                .map(role -> secondFactor.isRequiredFor(role) && !secondFactor.isEnabled(userId) ? Role.USER : role);
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

    /** The person's time zone and language, in one read: what a request reads their texts and dates in. */
    public Optional<ZoneAndLanguage> zoneAndLanguage(UUID id) {
        return repository.zoneAndLanguage(id);
    }

    /** Starts a new session (a new refresh-token family) for someone already proven to be {@code user}. */
    private Session openSession(User user, ClientInfo client) {
        return startSession(user, UUID.randomUUID(), clock.instant().plus(refreshLifetime), client);
    }

    /**
     * Creates an account without a password, in the caller's transaction, for a person a provider vouched for; empty
     * when the email is taken. The display name falls back to the email's local part and an unknown time zone to UTC.
     * The address counts as confirmed: the provider verified it, which is why it may name a new account.
     */
    public Optional<User> registerWithoutPassword(DbExecute tx, String email, String displayName, String timeZone,
                                                  ClientInfo client, Map<String, String> auditDetails) {
        String normalised = normaliseEmail(email);
        if (normalised.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalised).matches()) {
            return Optional.empty();
        }
        String name = displayName == null || displayName.isBlank() ? normalised.substring(0, normalised.indexOf('@')) : displayName.strip();
        if (name.codePointCount(0, name.length()) > ProfileRules.MAX_DISPLAY_NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, ProfileRules.MAX_DISPLAY_NAME_LENGTH));
        }
        User user = new User(UUID.randomUUID(), normalised, name, ProfileRules.isKnownTimeZone(timeZone) ? timeZone : "UTC", "user",
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!repository.insertUser(tx, user, null, ProfileLanguage.EN.code())) {
            return Optional.empty();
        }
        repository.markEmailVerified(tx, user.id(), user.createdAt());
        audit.record(tx, AuditEvent.bySelf(AuditAction.REGISTERED, AuditEvent.Outcome.SUCCESS, user.id(), client, auditDetails));
        return Optional.of(user);
    }

    public Optional<User> userByEmail(String email) {
        return repository.findByEmail(normaliseEmail(email)).map(AccountRepository.StoredUser::user);
    }

    /** Whether the account has a password; its row stays locked until {@code tx} ends, so the answer holds meanwhile. */
    public boolean hasPassword(DbExecute tx, UUID userId) {
        return repository.lockAndCheckHasPassword(tx, userId);
    }

    private Session startSession(User user, UUID familyId, Instant refreshExpiresAt, ClientInfo client) {
        String refreshToken = BearerSecrets.generate();
        repository.insertRefreshToken(UUID.randomUUID(), user.id(), familyId, BearerSecrets.sha256(refreshToken),
                refreshExpiresAt, client);
        return new Session(user, accessTokens.issue(user.id(), user.role(), familyId), refreshToken, refreshExpiresAt);
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised email is one an account may have. */
    public static boolean isWellFormedEmail(String email) {
        return email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches();
    }
}
