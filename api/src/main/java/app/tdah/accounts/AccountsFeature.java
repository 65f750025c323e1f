package app.tdah.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.tdah.accounts.recovery.AfterPasswordReset;
import app.tdah.accounts.recovery.EmailVerification;
import app.tdah.accounts.recovery.OneTimeLinks;
import app.tdah.accounts.recovery.PasswordRecovery;
import app.tdah.accounts.recovery.RecoveryGraphQl;
import app.tdah.accounts.recovery.RecoveryLimits;
import app.tdah.accounts.recovery.RecoveryRepository;
import app.tdah.accounts.recovery.RecoveryThrottle;
import app.tdah.accounts.sessions.SessionRepository;
import app.tdah.accounts.sessions.SessionService;
import app.tdah.accounts.sessions.SessionsGraphQl;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.identity.AccessTokens;
import app.tdah.identity.Permission;
import app.tdah.mail.MailService;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.config.Config;

/**
 * Accounts: sign-up and sign-in ({@code pa.auth}, {@code pa.argon2}), sessions, and email verification and password
 * reset ({@code pa.recovery}).
 */
public final class AccountsFeature {

    private static final ZoneAndLanguage UNKNOWN_PERSON = new ZoneAndLanguage(ZoneOffset.UTC, ProfileLanguage.EN);

    private final AccountService accounts;
    private final AccessTokens accessTokens;
    private final AccountsGraphQl graphQl;
    private final SensitiveChanges sensitiveChanges;
    private final PasswordRecovery passwordRecovery;
    private final RecoveryRepository recoveryRepository;
    private final AccountRepository repository;
    private final boolean secureCookie;
    private final Feature feature;

    private AccountsFeature(AccountService accounts, AccessTokens accessTokens, AccountsGraphQl graphQl,
                            SensitiveChanges sensitiveChanges, PasswordRecovery passwordRecovery,
                            RecoveryRepository recoveryRepository,
                            AccountRepository repository, boolean secureCookie, Feature feature) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.graphQl = graphQl;
        this.sensitiveChanges = sensitiveChanges;
        this.passwordRecovery = passwordRecovery;
        this.recoveryRepository = recoveryRepository;
        this.repository = repository;
        this.secureCookie = secureCookie;
        this.feature = feature;
    }

    /** {@code secondFactor} is asked at every sign-in (the MFA feature's gate). */
    public static AccountsFeature create(Foundation foundation, SecondFactor secondFactor, MailService mail) {
        Config auth = foundation.config().get("auth");
        Config argon2 = foundation.config().get("argon2");
        Config recovery = foundation.config().get("recovery");
        // Secure cookies exactly when people reach the site over https; see CookieNames for why not over http.
        boolean secureCookie = "https".equalsIgnoreCase(foundation.publicUrl().getScheme());

        Duration idleTimeout = Duration.ofDays(auth.get("refresh.idle.days").asInt().get());
        AccountRepository repository = new AccountRepository(foundation.db(), idleTimeout);
        AccountRecords records = new AccountRecords(repository);
        AccessTokens accessTokens = new AccessTokens(foundation.secrets().jwtKey(), foundation.publicUrl().toString(),
                Duration.ofMinutes(auth.get("access.minutes").asInt().get()), foundation.clock());
        PasswordHasher passwordHasher = new PasswordHasher(new Argon2Settings(argon2.get("memory.kib").asInt().get(),
                argon2.get("iterations").asInt().get(), argon2.get("parallelism").asInt().get()),
                new HashingSlots(argon2.get("concurrent").asInt().get(),
                        Duration.ofMillis(argon2.get("queue.wait.millis").asInt().get())));
        PasswordPolicy passwordPolicy = new PasswordPolicy();
        LoginThrottle throttle = new LoginThrottle(foundation.coordination(),
                Duration.ofMillis(auth.get("delay.millis").asInt().get()),
                Duration.ofMinutes(auth.get("lockout.minutes").asInt().get()));
        SignUpLimits signUpLimits = new SignUpLimits(foundation.coordination(),
                auth.get("signup.ip.per.hour").asInt().get(), auth.get("signup.global.per.hour").asInt().get());
        AccountService accounts = new AccountService(repository, passwordHasher, passwordPolicy, throttle, signUpLimits,
                accessTokens,
                Duration.ofDays(auth.get("refresh.days").asInt().get()),
                Duration.ofSeconds(auth.get("refresh.grace.seconds").asInt().get()),
                foundation.audit(), foundation.clock(), secondFactor);
        AccountsGraphQl graphQl = new AccountsGraphQl(accounts, secureCookie);

        SessionService sessions = new SessionService(new SessionRepository(foundation.db(), idleTimeout), records, foundation.audit());
        SensitiveChanges sensitiveChanges = new SensitiveChanges(repository, sessions, foundation.coordination(), mail,
                Duration.ofMinutes(auth.get("reauthentication.minutes").asInt().get()), foundation.clock());
        RecoveryRepository recoveryRepository = new RecoveryRepository(foundation.db());
        OneTimeLinks links = new OneTimeLinks(recoveryRepository, foundation.publicUrl(), foundation.clock());
        RecoveryThrottle recoveryThrottle = new RecoveryThrottle(foundation.coordination(), new RecoveryLimits(
                recovery.get("mails.per.hour").asInt().get(), recovery.get("ip.requests.per.hour").asInt().get()));
        EmailVerification emailVerification = new EmailVerification(recoveryRepository, records, links, recoveryThrottle,
                accounts, mail, foundation.audit(), foundation.clock());
        accounts.onRegistered(emailVerification::sendToNewAccount);
        accounts.onSignUpWithTakenAddress(emailVerification::tellOwnerOfSignUpAttempt);
        ExecutorService recoveryMails = Executors.newVirtualThreadPerTaskExecutor();
        foundation.closeAtStop().accept(recoveryMails);
        PasswordRecovery passwordRecovery = new PasswordRecovery(recoveryRepository, records, links, recoveryThrottle, accounts,
                passwordHasher, passwordPolicy, sessions, mail, foundation.audit(), recoveryMails);

        Feature feature = Feature.builder()
                .graphQl(graphQl)
                .graphQl(new SessionsGraphQl(sessions))
                .graphQl(new RecoveryGraphQl(emailVerification, passwordRecovery))
                .graphQl(new UserErrorLanguageGraphQl(userId -> zoneAndLanguageOf(accounts, userId)))
                .build();
        return new AccountsFeature(accounts, accessTokens, graphQl, sensitiveChanges, passwordRecovery,
                recoveryRepository, repository, secureCookie, feature);
    }

    /** The account changes other features make in their own transactions (admin, my account, the digest). */
    public AccountRecords records() {
        return new AccountRecords(repository);
    }

    public AccountService accounts() {
        return accounts;
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    /** The rules of changes that add a way into an account: recent authentication, a confirmed address, a notice. */
    public SensitiveChanges sensitiveChanges() {
        return sensitiveChanges;
    }

    /** Registers work done in every password reset's transaction (see {@link AfterPasswordReset}). */
    public void onPasswordReset(AfterPasswordReset work) {
        passwordRecovery.onReset(work);
    }

    /** Answers sign-in mutations; the MFA feature finishes a sign-in through it. */
    public AccountsGraphQl graphQl() {
        return graphQl;
    }

    /** Whether cookies are Secure and prefixed: the public URL is https ({@link app.tdah.web.CookieNames}). */
    public boolean secureCookie() {
        return secureCookie;
    }

    /** Whether the person's current role grants {@code permission}; false for a deactivated or unknown account. */
    public boolean permits(UUID userId, Permission permission) {
        return accounts.effectiveRole(userId).map(role -> role.permits(permission)).orElse(false);
    }

    /** The person's time zone and language; UTC and English for an unknown account. */
    public ZoneAndLanguage zoneAndLanguageOf(UUID userId) {
        return zoneAndLanguageOf(accounts, userId);
    }

    private static ZoneAndLanguage zoneAndLanguageOf(AccountService accounts, UUID userId) {
        return accounts.zoneAndLanguage(userId).orElse(UNKNOWN_PERSON);
    }

    /** Deletes refresh tokens and recovery links that expired before {@code now}; returns how many. */
    public long purgeExpiredTokens(Instant now) {
        return repository.purgeExpiredRefreshTokens(now) + recoveryRepository.purgeExpiredTokens(now);
    }

    public Feature feature() {
        return feature;
    }
}
