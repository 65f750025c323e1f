package app.tdah.integrations;

import static app.tdah.platform.ConfigValues.nonBlank;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.AccountsFeature;
import app.tdah.mail.MailService;
import app.tdah.notifications.NotificationsFeature;
import app.tdah.platform.AesGcm;
import app.tdah.platform.ConfigValues;
import app.tdah.platform.KeyRotation;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;

/**
 * Google and Microsoft accounts connected for calendar and mail ({@code pa.integrations}): connecting and disconnecting
 * them, their tokens sealed at rest, and access tokens refreshed for whoever calls the providers' APIs.
 */
public final class IntegrationsFeature {

    private final IntegrationService integrations;
    private final IntegrationTokens tokens;
    private final Map<Provider, ProviderSettings> providers;
    private final Feature feature;

    private IntegrationsFeature(IntegrationService integrations, IntegrationTokens tokens,
                                Map<Provider, ProviderSettings> providers, Feature feature) {
        this.integrations = integrations;
        this.tokens = tokens;
        this.providers = providers;
        this.feature = feature;
    }

    public static IntegrationsFeature create(Foundation foundation, AccountsFeature accounts, MailService mail) {
        Config config = foundation.config().get("integrations");
        Map<Provider, ProviderSettings> providers = providers(config, foundation.config().get("oidc"));
        Duration timeout = Duration.ofSeconds(config.get("timeout.seconds").asInt().get());
        Map<Provider, OAuthClient> clients = new EnumMap<>(Provider.class);
        providers.forEach((provider, settings) -> clients.put(provider, new OAuthClient(settings, timeout, foundation.clock())));
        IntegrationRepository repository = new IntegrationRepository(foundation.db());
        SealedTokens sealed = new SealedTokens(new AesGcm(foundation.secrets().encryptionKeys()));
        IntegrationTokens tokens = new IntegrationTokens(clients, repository, sealed, foundation.coordination(),
                NotificationsFeature.notifier(foundation.db()), mail, accounts.accounts(), foundation.audit(),
                URI.create(foundation.publicUrl() + OAuthCallbackHttpService.INTEGRATIONS_PAGE), foundation.clock(),
                Duration.ofSeconds(config.get("refresh.margin.seconds").asInt().get()), timeout);
        IntegrationService integrations = new IntegrationService(clients, repository,
                new PendingConnections(foundation.redis(), foundation.redisKeyPrefix()), sealed, tokens,
                accounts.accounts()::effectiveRole, foundation.audit(), foundation.publicUrl(), foundation.clock());
        Feature feature = Feature.builder()
                .graphQl(new IntegrationsGraphQl(integrations, accounts.secureCookie()))
                .route(OAuthCallbackHttpService.ROOT, new OAuthCallbackHttpService(integrations, accounts.secureCookie()))
                .build();
        return new IntegrationsFeature(integrations, tokens, providers, feature);
    }

    /**
     * The providers that have an OAuth client: {@code pa.integrations.NAME.client.id}, or when empty the sign-in
     * client's {@code pa.oidc.NAME.client.id} (one registration can serve both, with both redirect URIs). A client id
     * without its secret stops start-up.
     */
    static Map<Provider, ProviderSettings> providers(Config integrations, Config oidc) {
        Map<Provider, ProviderSettings> enabled = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            Config node = integrations.get(provider.code());
            Config signIn = oidc.get(provider.code());
            boolean own = nonBlank(node.get("client.id")).isPresent();
            Optional<String> clientId = own ? nonBlank(node.get("client.id")) : nonBlank(signIn.get("client.id"));
            if (clientId.isEmpty()) {
                continue;
            }
            String variable = (own ? "PA_INTEGRATIONS_" : "PA_OIDC_") + provider.code().toUpperCase(Locale.ROOT) + "_CLIENT_SECRET";
            String secret = nonBlank((own ? node : signIn).get("client.secret")).orElseThrow(() -> new IllegalStateException(
                    variable + " is not set: connecting " + provider.displayName() + " needs the client's secret."));
            String tenant = provider == Provider.MICROSOFT ? nonBlank(node.get("tenant")).orElse("common") : "";
            enabled.put(provider, new ProviderSettings(provider, clientId.get(), secret,
                    endpoint(node, "authorization.url", tenant).orElseThrow(),
                    endpoint(node, "token.url", tenant).orElseThrow(),
                    endpoint(node, "revoke.url", tenant),
                    endpoint(node, provider == Provider.GOOGLE ? "calendar.url" : "graph.url", tenant).orElseThrow(),
                    endpoint(node, provider == Provider.GOOGLE ? "gmail.url" : "graph.url", tenant).orElseThrow()));
        }
        return enabled;
    }

    /** An endpoint URL, with Microsoft's {@code {tenant}} filled in; empty when configured empty. */
    private static Optional<URI> endpoint(Config node, String key, String tenant) {
        return nonBlank(node.get(key)).map(url -> ConfigValues.url(url.replace("{tenant}", tenant)));
    }

    /** The sealed token columns, for {@code rotate-keys}. */
    public static List<KeyRotation.SealedColumn> sealedTokens(DbClient db) {
        IntegrationRepository repository = new IntegrationRepository(db);
        return List.of(SealedTokens.Kind.values()).stream().<KeyRotation.SealedColumn>map(kind -> new KeyRotation.SealedColumn() {
            @Override
            public String name() {
                return "integrations." + IntegrationRepository.column(kind);
            }

            @Override
            public List<KeyRotation.Sealed> after(Optional<String> afterRowKey, int limit) {
                return repository.sealed(kind, afterRowKey, limit);
            }

            @Override
            public boolean replace(KeyRotation.Sealed current, byte[] resealed) {
                return repository.replaceSealed(kind, UUID.fromString(current.rowKey()), current.value(), resealed);
            }
        }).toList();
    }

    /** Connections: the person's list, and going through the connected ones (sync). */
    public IntegrationService integrations() {
        return integrations;
    }

    /** Access tokens for the providers' APIs, refreshed as needed. */
    public IntegrationTokens tokens() {
        return tokens;
    }

    /** How to reach each configured provider, its API roots included. */
    public Map<Provider, ProviderSettings> providers() {
        return Map.copyOf(providers);
    }

    public Feature feature() {
        return feature;
    }
}
