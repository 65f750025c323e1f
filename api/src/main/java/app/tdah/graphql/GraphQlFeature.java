package app.tdah.graphql;

import graphql.schema.idl.RuntimeWiring;

/** A feature's data fetchers, added to the one GraphQL schema. */
public interface GraphQlFeature {

    void wire(RuntimeWiring.Builder wiring);
}
