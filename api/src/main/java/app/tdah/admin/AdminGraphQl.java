package app.tdah.admin;

import app.tdah.graphql.GraphQlFeature;

import graphql.schema.idl.RuntimeWiring;

/** The operator's view of background work. The schema's {@code @auth(requires: OPERATE)} admits admins only. */
public final class AdminGraphQl implements GraphQlFeature {

    private final SchedulerService scheduler;

    public AdminGraphQl(SchedulerService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("scheduler", env -> scheduler.status()));
    }
}
