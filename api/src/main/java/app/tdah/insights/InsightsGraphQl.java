package app.tdah.insights;

import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;

import graphql.schema.idl.RuntimeWiring;

/** The insights slice of the GraphQL API: the signed-in person's own. */
public final class InsightsGraphQl implements GraphQlFeature {

    private final InsightsService insights;

    public InsightsGraphQl(InsightsService insights) {
        this.insights = insights;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("insights", env -> insights.insights(GraphQlEngine.context(env).owner())));
    }
}
