package app.tdah.integrations;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.errors.UserError;
import app.tdah.identity.ClientInfo;
import app.tdah.identity.Role;
import app.tdah.platform.BearerSecrets;

/**
 * Connecting a person's Google or Microsoft account for calendar and mail, and disconnecting it. Connecting is the
 * OAuth code flow with PKCE: {@link #start} gives the provider's consent URL for the capabilities chosen, and
 * {@link #finish} takes the provider's answer, in the browser that started, and stores the grant with its tokens
 * sealed. Nothing is stored unless the whole round trip holds; every outcome is audited.
 */
public final class IntegrationService {

    private static final System.Logger LOG = System.getLogger(IntegrationService.class.getName());
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** The provider's own error codes are short snake_case words; anything else is not repeated into the audit row. */
    private static final Pattern PROVIDER_ERROR = Pattern.compile("[a-z_]{1,40}");

    private final Map<Provider, OAuthClient> clients;
    private final IntegrationRepository repository;
    private final PendingConnections pending;
    private final SealedTokens sealed;
    private final IntegrationTokens tokens;
    /** An account's current role, empty once it is deactivated or gone. */
    private final Function<UUID, Optional<Role>> roles;
    private final AuditLog audit;
    private final URI publicUrl;
    private final Clock clock;

    IntegrationService(Map<Provider, OAuthClient> clients, IntegrationRepository repository, PendingConnections pending,
                       SealedTokens sealed, IntegrationTokens tokens, Function<UUID, Optional<Role>> roles, AuditLog audit, URI publicUrl,
                       Clock clock) {
        this.clients = clients;
        this.repository = repository;
        this.pending = pending;
        this.sealed = sealed;
        this.tokens = tokens;
        this.roles = roles;
        this.audit = audit;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The providers this server can connect (those with an OAuth client configured), in a fixed order. */
    private final List<Consumer<Integration>> connectedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> disconnectedListeners = new CopyOnWriteArrayList<>();

    /** Called with the integration after each grant is stored (a new connection, or one connected again). */
    public void onConnected(Consumer<Integration> listener) {
        connectedListeners.add(listener);
    }

    /** Called with the integration's id once it is disconnected and its tokens deleted. */
    public void onDisconnected(Consumer<UUID> listener) {
        disconnectedListeners.add(listener);
    }

    public List<Provider> availableProviders() {
        return List.of(Provider.values()).stream().filter(clients::containsKey).toList();
    }

    public List<Integration> integrations(UUID userId) {
        return repository.list(userId);
    }

    public Optional<Integration> integration(UUID userId, UUID id) {
        return repository.find(userId, id);
    }

    /** Any integration by id, for background work such as sync. */
    public Optional<Integration> integration(UUID id) {
        return repository.find(id);
    }

    /** Connected integrations after {@code after} in id order, {@code limit} at most: for going through all of them. */
    public List<Integration> connected(Optional<UUID> after, int limit) {
        return repository.connected(after, limit);
    }

    /** Where the provider sends the browser back: registered with the provider, so it must match exactly. */
    public URI callbackUri(Provider provider) {
        return URI.create(publicUrl + "/oauth/" + provider.code() + "/callback");
    }

    // ---- Connecting ----------------------------------------------------------------------------------------------

    /**
     * Where the browser goes to consent, and the value the asking browser must keep in a cookie until it comes back;
     * or why there is none.
     */
    public record Start(Optional<URI> authorizationUrl, Optional<String> browserBinding, List<UserError> errors) {
        static Start refused(UserError error) {
            return new Start(Optional.empty(), Optional.empty(), List.of(error));
        }
    }

    public Start start(UUID userId, Provider provider, Set<Capability> capabilities) {
        OAuthClient client = clients.get(provider);
        if (client == null) {
            return Start.refused(new UserError("provider", "Connecting " + provider.displayName() + " is not available here.",
                    UserError.Code.UNAVAILABLE));
        }
        if (capabilities.isEmpty()) {
            return Start.refused(new UserError("capabilities", "Choose at least one thing to connect.", UserError.Code.INVALID));
        }
        Optional<IntegrationRepository.Stored> held = repository.list(userId).stream()
                .filter(i -> i.provider() == provider).findFirst()
                .flatMap(i -> repository.stored(i.id()));
        boolean holdsRefreshToken = held.map(s -> s.refreshSealed() != null).orElse(false);
        String state = BearerSecrets.generate();
        String codeVerifier = BearerSecrets.generate();
        String browserBinding = BearerSecrets.generate();
        URI url = client.authorizationUrl(capabilities, state, BASE64URL.encodeToString(BearerSecrets.sha256(codeVerifier)),
                callbackUri(provider), !holdsRefreshToken,
                held.map(s -> s.integration().accountEmail()).filter(e -> e != null && !e.isBlank()));
        pending.save(state, new PendingConnections.Pending(userId, provider, EnumSet.copyOf(capabilities), codeVerifier,
                browserBinding));
        return new Start(Optional.of(url), Optional.of(browserBinding), List.of());
    }

    /** What the provider sent the browser back with: the query of {@code GET /oauth/{provider}/callback}. */
    public record Callback(Optional<String> state, Optional<String> code, Optional<String> error) {
    }

    /** How a round trip ended, as the SPA's integrations page shows it. */
    public sealed interface Outcome {
        Provider provider();

        /** The {@code result} of the SPA page the browser lands on. */
        String result();
    }

    /** Stored; {@code partial} when the person granted fewer capabilities than asked. */
    public record Connected(Provider provider, boolean partial) implements Outcome {
        @Override
        public String result() {
            return partial ? "partial" : "granted";
        }
    }

    /** The person said no at the provider, or granted none of what was asked: nothing stored. */
    public record Denied(Provider provider) implements Outcome {
        @Override
        public String result() {
            return "denied";
        }
    }

    /** Refused or failed, for the reason given (audited): nothing stored. */
    public record Failed(Provider provider, String reason) implements Outcome {
        @Override
        public String result() {
            return "error";
        }
    }

    public Outcome finish(Provider provider, Callback callback, Optional<String> browserBinding, ClientInfo client) {
        Optional<PendingConnections.Pending> taken = callback.state().flatMap(pending::take);
        if (taken.isEmpty() || taken.get().provider() != provider) {
            return failed(provider, "state_invalid", null, client, Map.of());
        }
        PendingConnections.Pending flow = taken.get();
        if (!BearerSecrets.matches(browserBinding, flow.browserBinding())) {
            return failed(provider, "browser_mismatch", flow.userId(), client, Map.of());
        }
        if (roles.apply(flow.userId()).isEmpty()) {
            return failed(provider, "account_unavailable", flow.userId(), client, Map.of());
        }
        if (callback.error().isPresent() || callback.code().isEmpty()) {
            String error = callback.error().filter(e -> PROVIDER_ERROR.matcher(e).matches()).orElse("other");
            if (error.equals("access_denied")) {
                return denied(provider, flow.userId(), "access_denied", client);
            }
            return failed(provider, "provider_error", flow.userId(), client, Map.of("providerError", error));
        }
        OAuthClient oauth = clients.get(provider);
        if (oauth == null) {
            return failed(provider, "provider_unavailable", flow.userId(), client, Map.of());
        }
        OAuthClient.TokenGrant grant;
        OAuthClient.Account account;
        try {
            grant = oauth.redeem(callback.code().get(), flow.codeVerifier(), callbackUri(provider));
        } catch (OAuthClient.Failure e) {
            return failed(provider, "token_exchange_failed", flow.userId(), client, Map.of("error", e.code()));
        }
        Set<String> scopes = grant.scopes().orElseGet(() -> Set.copyOf(provider.scopesFor(flow.capabilities())));
        Set<Capability> granted = provider.capabilitiesOf(scopes);
        if (granted.isEmpty()) {
            return denied(provider, flow.userId(), "nothing_granted", client);
        }
        try {
            account = oauth.account(grant);
        } catch (OAuthClient.Failure e) {
            return failed(provider, "account_unreadable", flow.userId(), client, Map.of("error", e.code()));
        }
        boolean partial = !granted.containsAll(flow.capabilities());
        Optional<Failed> notStored = store(flow.userId(), provider, account, scopes, grant, partial, client);
        if (notStored.isPresent()) {
            return notStored.get();
        }
        integrations(flow.userId()).stream().filter(i -> i.provider() == provider)
                .forEach(stored -> connectedListeners.forEach(listener -> listener.accept(stored)));
        return new Connected(provider, partial);
    }

    /**
     * Stores the grant: a new integration, the same account granted again (new tokens, the refresh token kept when
     * Google sent none because it had one already), or another account in place of the old one, whose integration
     * (and its synced data) goes. Empty when stored.
     */
    private Optional<Failed> store(UUID userId, Provider provider, OAuthClient.Account account, Set<String> scopes,
                                   OAuthClient.TokenGrant grant, boolean partial, ClientInfo client) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String scope = String.join(" ", scopes.stream().sorted().toList());
        Map<String, String> details = new HashMap<>();
        details.put("provider", provider.code());
        details.put("capabilities", String.join(",", provider.capabilitiesOf(scopes).stream().map(Enum::name).sorted().toList()));
        details.put("partial", Boolean.toString(partial));
        byte[] access = sealed.seal(userId, provider, SealedTokens.Kind.ACCESS, grant.accessToken());
        Optional<byte[]> refresh = grant.refreshToken().map(token -> sealed.seal(userId, provider, SealedTokens.Kind.REFRESH, token));
        boolean stored = repository.inTransaction(tx -> {
            Optional<IntegrationRepository.Stored> existing = repository.lockedByProvider(tx, userId, provider);
            boolean sameAccount = existing.filter(e -> e.integration().accountId().equals(account.id())).isPresent();
            byte[] refreshSealed = refresh.orElse(sameAccount ? existing.get().refreshSealed() : null);
            if (refreshSealed == null) {
                return false;
            }
            if (sameAccount) {
                repository.regrant(tx, existing.get().integration().id(), account.email(), scope,
                        existing.get().integration().status() != IntegrationStatus.CONNECTED, access, grant.expiresAt(),
                        refreshSealed, now);
                details.put("integration", existing.get().integration().id().toString());
            } else {
                existing.ifPresent(e -> {
                    repository.delete(tx, userId, e.integration().id());
                    details.put("replacedIntegration", e.integration().id().toString());
                });
                Integration integration = new Integration(UUID.randomUUID(), userId, provider, account.id(), account.email(),
                        scopes, IntegrationStatus.CONNECTED, now, now);
                repository.insert(tx, integration, access, grant.expiresAt(), refreshSealed);
                details.put("integration", integration.id().toString());
            }
            audit.record(tx, AuditEvent.bySelf(AuditAction.INTEGRATION_CONNECTED,
                    AuditEvent.Outcome.SUCCESS, userId, client, details));
            return true;
        });
        return stored ? Optional.empty() : Optional.of(failed(provider, "no_refresh_token", userId, client, Map.of()));
    }

    private Denied denied(Provider provider, UUID userId, String reason, ClientInfo client) {
        audit.record(AuditEvent.bySelf(AuditAction.INTEGRATION_CONNECT_FAILED, AuditEvent.Outcome.DENIED, userId, client,
                Map.of("provider", provider.code(), "reason", reason)));
        return new Denied(provider);
    }

    private Failed failed(Provider provider, String reason, UUID userId, ClientInfo client, Map<String, String> extra) {
        LOG.log(System.Logger.Level.INFO, "Connecting {0} refused: {1} {2}", provider.code(), reason, extra);
        Map<String, String> details = new HashMap<>(extra);
        details.put("provider", provider.code());
        details.put("reason", reason);
        boolean refused = reason.equals("state_invalid") || reason.equals("browser_mismatch") || reason.equals("account_unavailable");
        audit.record(AuditEvent.against(AuditAction.INTEGRATION_CONNECT_FAILED,
                refused ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILURE, userId, client, details));
        return new Failed(provider, reason);
    }

    // ---- Disconnecting -------------------------------------------------------------------------------------------

    /** The integration removed and whether the provider ended the grant too; or why nothing was removed. */
    public record Disconnected(Optional<Integration> integration, boolean revokedAtProvider, List<UserError> errors) {
    }

    /**
     * Ends the grant at the provider where it can be (Google), then deletes the integration with its tokens (and, by
     * cascade, what was synced through it). A revocation that fails does not keep the tokens: they are deleted anyway,
     * and the person can remove the access in their account at the provider. Runs under the integration's token lock,
     * so no refresh stores a token after it.
     */
    public Disconnected disconnect(UUID userId, UUID integrationId, ClientInfo client) {
        Optional<Integration> integration = repository.find(userId, integrationId);
        if (integration.isEmpty()) {
            return notFound();
        }
        return tokens.exclusively(integrationId, () -> {
            Optional<IntegrationRepository.Stored> stored = repository.stored(integrationId)
                    .filter(s -> s.integration().userId().equals(userId));
            if (stored.isEmpty()) {
                return notFound();
            }
            Provider provider = stored.get().integration().provider();
            String revocation = revoke(stored.get());
            return repository.inTransaction(tx -> {
                if (!repository.delete(tx, userId, integrationId)) {
                    return notFound();
                }
                audit.record(tx, AuditEvent.bySelf(AuditAction.INTEGRATION_DISCONNECTED, AuditEvent.Outcome.SUCCESS, userId,
                        client, Map.of("provider", provider.code(), "integration", integrationId.toString(),
                                "revocation", revocation)));
                return new Disconnected(stored.map(IntegrationRepository.Stored::integration), revocation.equals("revoked"),
                        List.<UserError>of());
            });
        }).map(disconnected -> {
            disconnected.integration().ifPresent(gone -> disconnectedListeners.forEach(listener -> listener.accept(gone.id())));
            return disconnected;
        }).orElseGet(() -> new Disconnected(Optional.empty(), false, List.of(new UserError(null,
                "The connection is busy; try again in a moment.", UserError.Code.RATE_LIMITED))));
    }

    /** {@code revoked}, {@code unsupported} (the provider has no revocation), {@code none} (no token held) or {@code failed_CODE}. */
    private String revoke(IntegrationRepository.Stored stored) {
        Integration integration = stored.integration();
        OAuthClient client = clients.get(integration.provider());
        if (client == null || !client.canRevoke()) {
            return "unsupported";
        }
        if (stored.refreshSealed() == null) {
            return "none";
        }
        try {
            // Revoking the refresh token ends the whole grant, access tokens included.
            client.revoke(sealed.open(integration.userId(), integration.provider(), SealedTokens.Kind.REFRESH, stored.refreshSealed()));
            return "revoked";
        } catch (OAuthClient.Failure e) {
            LOG.log(System.Logger.Level.WARNING, "Revoking the {0} grant of integration {1} failed: {2}",
                    integration.provider().code(), integration.id(), e.getMessage());
            return "failed_" + e.code().toLowerCase(Locale.ROOT);
        }
    }

    private static Disconnected notFound() {
        return new Disconnected(Optional.empty(), false, List.of(new UserError("id", "No such connection.", UserError.Code.NOT_FOUND)));
    }
}
