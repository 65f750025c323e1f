package app.tdah.integrations;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import app.tdah.accounts.AccountService;
import app.tdah.accounts.User;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.i18n.ProfileLanguage;
import app.tdah.i18n.Texts;
import app.tdah.i18n.ZoneAndLanguage;
import app.tdah.identity.ClientInfo;
import app.tdah.jobs.coordination.Coordination;
import app.tdah.mail.MailKind;
import app.tdah.mail.MailService;
import app.tdah.notifications.Notifier;

/**
 * Access tokens for the provider APIs, for sync and anything else that calls them on a person's behalf. A token is
 * refreshed before it expires, by one caller at a time per integration across every node (a cluster-wide lock): the
 * others wait and take the token it stored. A refresh token the provider rotates (Microsoft does) is stored in the
 * same statement as the access token it came with. When the provider says the grant is gone ({@code invalid_grant}),
 * the integration needs reconnecting: its tokens are dropped, and the person is told in the app and by mail.
 */
public final class IntegrationTokens {

    private static final System.Logger LOG = System.getLogger(IntegrationTokens.class.getName());
    /** The in-app notifications' texts, in the person's language. */
    private static final String TEXTS = IntegrationTokens.class.getPackageName() + ".IntegrationTexts";
    /** A failing refresh is audited at most this often per integration and error, so an outage does not flood the log. */
    private static final Duration FAILURE_AUDIT_INTERVAL = Duration.ofHours(1);

    /** A bearer token for the provider's APIs and when it stops working. */
    public record AccessToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** Why there is no token to give. */
    public static final class Unavailable extends Exception {
        public enum Reason {
            /** No such integration (it was disconnected). */
            NOT_FOUND,
            /** The grant is gone: nothing works until the person connects again; they have been told. */
            NEEDS_RECONNECT,
            /** The provider could not be reached or answered 5xx/429/garbage: try again later. */
            PROVIDER_UNAVAILABLE,
            /** The provider refused for another reason (this server's client registration): an operator's matter. */
            PROVIDER_REFUSED,
            /** Another caller held the refresh lock too long: try again later. */
            BUSY
        }

        private final Reason reason;

        Unavailable(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final Map<Provider, OAuthClient> clients;
    private final IntegrationRepository repository;
    private final SealedTokens sealed;
    private final Coordination coordination;
    private final Notifier notifier;
    private final MailService mail;
    private final AccountService accounts;
    private final AuditLog audit;
    private final URI settingsPage;
    private final Clock clock;
    private final Duration margin;
    private final Duration lockWait;

    IntegrationTokens(Map<Provider, OAuthClient> clients, IntegrationRepository repository, SealedTokens sealed,
                      Coordination coordination, Notifier notifier, MailService mail, AccountService accounts, AuditLog audit,
                      URI settingsPage, Clock clock, Duration margin, Duration requestTimeout) {
        this.clients = clients;
        this.repository = repository;
        this.sealed = sealed;
        this.coordination = coordination;
        this.notifier = notifier;
        this.mail = mail;
        this.accounts = accounts;
        this.audit = audit;
        this.settingsPage = settingsPage;
        this.clock = clock;
        this.margin = margin;
        // Long enough for the holder's refresh request to time out and be answered.
        this.lockWait = requestTimeout.multipliedBy(3);
    }

    /** A token valid for at least the refresh margin ({@code pa.integrations.refresh.margin.seconds}), refreshed if need be. */
    public AccessToken accessToken(UUID integrationId) throws Unavailable {
        IntegrationRepository.Stored stored = load(integrationId);
        if (fresh(stored)) {
            return open(stored);
        }
        return refreshed(integrationId, current -> !fresh(current));
    }

    /**
     * A new token after the provider's API refused {@code rejected} (a 401 before its expiry: revoked early). However
     * many callers report the same token, it is refreshed once.
     */
    public AccessToken accessTokenReplacing(UUID integrationId, AccessToken rejected) throws Unavailable {
        return refreshed(integrationId, current -> !fresh(current) || open(current).value().equals(rejected.value()));
    }

    /** Runs {@code work} while no token of the integration is being refreshed (disconnecting, for one). */
    <T> Optional<T> exclusively(UUID integrationId, Supplier<T> work) {
        return coordination.withLock(lockName(integrationId), lockWait, work);
    }

    private static String lockName(UUID integrationId) {
        return "integration-tokens:" + integrationId;
    }

    /** A token, or why there is none: what the locked work hands back out of the lock. */
    private record Attempt(AccessToken token, Unavailable.Reason failure) {
        static Attempt failed(Unavailable.Reason reason) {
            return new Attempt(null, reason);
        }
    }

    private AccessToken refreshed(UUID integrationId, Predicate<IntegrationRepository.Stored> stillNeeded) throws Unavailable {
        Attempt attempt = exclusively(integrationId, () -> {
            Optional<IntegrationRepository.Stored> current = repository.stored(integrationId);
            if (current.isEmpty()) {
                return Attempt.failed(Unavailable.Reason.NOT_FOUND);
            }
            if (current.get().integration().status() != IntegrationStatus.CONNECTED) {
                return Attempt.failed(Unavailable.Reason.NEEDS_RECONNECT);
            }
            return stillNeeded.test(current.get()) ? refresh(current.get()) : new Attempt(open(current.get()), null);
        }).orElseGet(() -> Attempt.failed(Unavailable.Reason.BUSY));
        if (attempt.failure() != null) {
            throw new Unavailable(attempt.failure());
        }
        return attempt.token();
    }

    private Attempt refresh(IntegrationRepository.Stored stored) {
        Integration integration = stored.integration();
        OAuthClient client = clients.get(integration.provider());
        if (client == null) {
            return Attempt.failed(Unavailable.Reason.PROVIDER_UNAVAILABLE);
        }
        String refreshToken = sealed.open(integration.userId(), integration.provider(), SealedTokens.Kind.REFRESH,
                stored.refreshSealed());
        OAuthClient.TokenGrant grant;
        try {
            grant = client.refresh(refreshToken);
        } catch (OAuthClient.Failure failure) {
            return switch (failure.kind()) {
                case GRANT_GONE -> {
                    needsReconnect(stored, failure.code());
                    yield Attempt.failed(Unavailable.Reason.NEEDS_RECONNECT);
                }
                case REFUSED -> {
                    refreshFailed(integration, failure);
                    yield Attempt.failed(Unavailable.Reason.PROVIDER_REFUSED);
                }
                case UNAVAILABLE -> {
                    refreshFailed(integration, failure);
                    yield Attempt.failed(Unavailable.Reason.PROVIDER_UNAVAILABLE);
                }
            };
        }
        byte[] access = sealed.seal(integration.userId(), integration.provider(), SealedTokens.Kind.ACCESS, grant.accessToken());
        byte[] rotated = grant.refreshToken().filter(token -> !token.equals(refreshToken))
                .map(token -> sealed.seal(integration.userId(), integration.provider(), SealedTokens.Kind.REFRESH, token))
                .orElse(null);
        String scope = grant.scopes().map(scopes -> String.join(" ", scopes.stream().sorted().toList())).orElse(null);
        if (!repository.storeRefreshed(integration.id(), stored.grantGeneration(), access, grant.expiresAt(), rotated, scope,
                clock.instant())) {
            // Disconnected, or granted again, while this refresh ran: what is stored now is what counts.
            return repository.stored(integration.id())
                    .filter(now -> now.integration().status() == IntegrationStatus.CONNECTED && fresh(now))
                    .map(now -> new Attempt(open(now), null))
                    .orElseGet(() -> Attempt.failed(Unavailable.Reason.NOT_FOUND));
        }
        return new Attempt(new AccessToken(grant.accessToken(), grant.expiresAt()), null);
    }

    /** Once per grant: the integration needs reconnecting, the person is told in the app and by mail, it is audited. */
    private void needsReconnect(IntegrationRepository.Stored stored, String error) {
        Integration integration = stored.integration();
        Optional<User> person = accounts.user(integration.userId());
        String provider = integration.provider().displayName();
        repository.inTransaction(tx -> {
            if (!repository.markNeedsReconnect(tx, integration.id(), stored.grantGeneration(), clock.instant())) {
                return null;
            }
            Texts texts = Texts.load(TEXTS, accounts.zoneAndLanguage(integration.userId())
                    .map(ZoneAndLanguage::language).orElse(ProfileLanguage.EN));
            notifier.notify(tx, integration.userId(), texts.text("needsReconnect.title", provider),
                    texts.text("needsReconnect.body", provider));
            person.ifPresent(user -> mail.enqueue(tx, MailKind.SECURITY_NOTICE, user.id(), user.email(),
                    templates -> templates.integrationNeedsReconnect(user.displayName(), provider, settingsPage),
                    "integration-reconnect:" + integration.id() + ":" + stored.grantGeneration()));
            audit.record(tx, AuditEvent.against(AuditAction.INTEGRATION_NEEDS_RECONNECT, AuditEvent.Outcome.FAILURE,
                    integration.userId(), ClientInfo.UNKNOWN, Map.of("provider", integration.provider().code(), "error", error)));
            return null;
        });
    }

    private void refreshFailed(Integration integration, OAuthClient.Failure failure) {
        LOG.log(System.Logger.Level.WARNING, "Refreshing the {0} token of integration {1} failed: {2}",
                integration.provider().code(), integration.id(), failure.getMessage());
        if (coordination.firstTime("integration-refresh-failed:" + integration.id() + ":" + failure.code(), FAILURE_AUDIT_INTERVAL)) {
            audit.record(AuditEvent.against(AuditAction.INTEGRATION_TOKEN_REFRESH_FAILED, AuditEvent.Outcome.FAILURE,
                    integration.userId(), ClientInfo.UNKNOWN, Map.of("provider", integration.provider().code(),
                            "error", failure.code(), "kind", failure.kind().name().toLowerCase(java.util.Locale.ROOT))));
        }
    }

    private IntegrationRepository.Stored load(UUID integrationId) throws Unavailable {
        IntegrationRepository.Stored stored = repository.stored(integrationId)
                .orElseThrow(() -> new Unavailable(Unavailable.Reason.NOT_FOUND));
        if (stored.integration().status() != IntegrationStatus.CONNECTED) {
            throw new Unavailable(Unavailable.Reason.NEEDS_RECONNECT);
        }
        return stored;
    }

    private boolean fresh(IntegrationRepository.Stored stored) {
        return stored.accessExpiresAt().isAfter(clock.instant().plus(margin));
    }

    private AccessToken open(IntegrationRepository.Stored stored) {
        Integration integration = stored.integration();
        return new AccessToken(sealed.open(integration.userId(), integration.provider(), SealedTokens.Kind.ACCESS,
                stored.accessSealed()), stored.accessExpiresAt());
    }
}
