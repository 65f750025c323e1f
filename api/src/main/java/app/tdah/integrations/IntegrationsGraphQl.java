package app.tdah.integrations;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tdah.errors.UserError;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.NodeType;
import app.tdah.graphql.RequestContext;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The integrations slice of the GraphQL API: thin fetchers over {@link IntegrationService}. */
public final class IntegrationsGraphQl implements GraphQlFeature {

    private static final String TYPE = "Integration";

    private final IntegrationService integrations;
    private final boolean secureCookie;

    public IntegrationsGraphQl(IntegrationService integrations, boolean secureCookie) {
        this.integrations = integrations;
        this.secureCookie = secureCookie;
    }

    public record IntegrationView(String id, Provider provider, String accountEmail, List<Capability> capabilities,
                                  IntegrationStatus status, Instant connectedAt, Instant statusChangedAt) {
        static IntegrationView of(Integration integration) {
            return new IntegrationView(GlobalId.encode(TYPE, integration.id()), integration.provider(),
                    integration.accountEmail(), integration.capabilities().stream().sorted().toList(),
                    integration.status(), integration.connectedAt(), integration.statusChangedAt());
        }
    }

    public record ConnectIntegrationPayload(String authorizationUrl, List<UserError> userErrors) {
    }

    public record DisconnectIntegrationPayload(String disconnectedId, Boolean revokedAtProvider, List<UserError> userErrors) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>(TYPE, IntegrationView.class,
                (owner, id) -> integrations.integration(owner, id).map(IntegrationView::of)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("integrationProviders", env -> integrations.availableProviders())
                        .dataFetcher("integrations", env -> integrations.integrations(GraphQlEngine.context(env).owner()).stream()
                                .map(IntegrationView::of).toList()))
                .type("Mutation", t -> t
                        .dataFetcher("connectIntegration", this::connect)
                        .dataFetcher("disconnectIntegration", this::disconnect));
    }

    private ConnectIntegrationPayload connect(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        Provider provider = Provider.valueOf((String) input.get("provider"));
        @SuppressWarnings("unchecked")
        List<String> chosen = (List<String>) input.get("capabilities");
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        chosen.forEach(c -> capabilities.add(Capability.valueOf(c)));
        IntegrationService.Start start = integrations.start(GraphQlEngine.context(env).owner(), provider, capabilities);
        RequestContext context = GraphQlEngine.context(env);
        start.browserBinding().ifPresent(value -> context.setCookie(OAuthCallbackHttpService.binding(provider, secureCookie)
                .cookie(value)));
        return new ConnectIntegrationPayload(start.authorizationUrl().map(Object::toString).orElse(null), start.errors());
    }

    private DisconnectIntegrationPayload disconnect(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String id = (String) input.get("id");
        Optional<UUID> integrationId = GlobalId.decode(TYPE, id);
        if (integrationId.isEmpty()) {
            return new DisconnectIntegrationPayload(null, null,
                    List.of(new UserError("id", "No such connection.", UserError.Code.NOT_FOUND)));
        }
        IntegrationService.Disconnected result = integrations.disconnect(GraphQlEngine.context(env).owner(), integrationId.get(),
                GraphQlEngine.context(env).client());
        return result.integration().isPresent()
                ? new DisconnectIntegrationPayload(id, result.revokedAtProvider(), result.errors())
                : new DisconnectIntegrationPayload(null, null, result.errors());
    }
}
