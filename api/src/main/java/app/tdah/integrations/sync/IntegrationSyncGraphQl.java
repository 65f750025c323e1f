package app.tdah.integrations.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.errors.UserError;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** Sync status of a person's integrations, and syncing one now. */
public final class IntegrationSyncGraphQl implements GraphQlFeature {

    /** The global id type of an integration, shared with the integrations feature's {@code Integration} node. */
    static final String INTEGRATION = "Integration";
    private static final UserError NOT_SIGNED_IN = new UserError(null, "Please sign in.", UserError.Code.NOT_AUTHENTICATED);
    private static final UserError NOT_FOUND = new UserError("integrationId", "That integration doesn't exist.", UserError.Code.NOT_FOUND);

    private final IntegrationSyncService service;

    public IntegrationSyncGraphQl(IntegrationSyncService service) {
        this.service = service;
    }

    public record SyncNowPayload(IntegrationSyncService.IntegrationSync integrationSync, List<UserError> userErrors) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("integrationSyncs", env -> owner(env).map(service::syncs).orElse(null)))
                .type("Mutation", t -> t.dataFetcher("syncNow", this::syncNow))
                .type("IntegrationSync", t -> t.dataFetcher("integrationId", env ->
                        GlobalId.encode(INTEGRATION, env.<IntegrationSyncService.IntegrationSync>getSource().integrationId())))
                .type("SyncStream", t -> t
                        .dataFetcher("data", env -> env.<SyncState>getSource().data().name())
                        .dataFetcher("state", env -> env.<SyncState>getSource().state().name())
                        .dataFetcher("nextRunAt", env -> {
                            SyncState s = env.getSource();
                            return s.state() == SyncState.State.ACTIVE ? s.nextRunAt() : null;
                        }));
    }

    private SyncNowPayload syncNow(DataFetchingEnvironment env) {
        Optional<UUID> owner = owner(env);
        if (owner.isEmpty()) {
            return new SyncNowPayload(null, List.of(NOT_SIGNED_IN));
        }
        Map<String, Object> input = env.getArgument("input");
        return GlobalId.decode(INTEGRATION, (String) input.get("integrationId"))
                .flatMap(id -> service.syncNow(owner.get(), id))
                .map(sync -> new SyncNowPayload(sync, List.of()))
                .orElse(new SyncNowPayload(null, List.of(NOT_FOUND)));
    }

    private static Optional<UUID> owner(DataFetchingEnvironment env) {
        return GraphQlEngine.context(env).principal().map(p -> p.userId());
    }
}
