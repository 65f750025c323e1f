package app.tdah.graphql;

import java.util.List;

import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoaderRegistry;

/** A feature's slice of the one GraphQL schema: its data fetchers, batch loaders and node types. */
public interface GraphQlFeature {

    void wire(RuntimeWiring.Builder wiring);

    /** Registers this feature's batch loaders for one request (DataLoaders cache per request only). */
    default void registerLoaders(DataLoaderRegistry registry, RequestContext context) {
    }

    /** The types of this feature that {@code node(id:)} can fetch. */
    default List<NodeType<?>> nodeTypes() {
        return List.of();
    }
}
