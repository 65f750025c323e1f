package app.tdah.wiring;

import java.util.ArrayList;
import java.util.List;

import app.tdah.graphql.GraphQlFeature;
import app.tdah.jobs.ScheduledJob;

import io.helidon.webserver.http.HttpService;

/**
 * What one feature adds to a node: its slices of the GraphQL schema and its HTTP endpoints (served by web nodes) and
 * its scheduled jobs (run by worker nodes).
 */
public record Feature(List<GraphQlFeature> graphQl, List<Route> routes, List<ScheduledJob> jobs) {

    /**
     * An HTTP service and the path it is registered under.
     *
     * @param secretBelow the paths below carry a secret (a token), so logs show only the route
     */
    public record Route(String path, HttpService service, boolean secretBelow) {
    }

    public Feature {
        graphQl = List.copyOf(graphQl);
        routes = List.copyOf(routes);
        jobs = List.copyOf(jobs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<GraphQlFeature> graphQl = new ArrayList<>();
        private final List<Route> routes = new ArrayList<>();
        private final List<ScheduledJob> jobs = new ArrayList<>();

        private Builder() {
        }

        public Builder graphQl(GraphQlFeature feature) {
            graphQl.add(feature);
            return this;
        }

        public Builder route(String path, HttpService service) {
            routes.add(new Route(path, service, false));
            return this;
        }

        /** A route whose paths below carry a secret, such as a calendar feed's token. */
        public Builder secretRoute(String path, HttpService service) {
            routes.add(new Route(path, service, true));
            return this;
        }

        public Builder job(ScheduledJob job) {
            jobs.add(job);
            return this;
        }

        public Feature build() {
            return new Feature(graphQl, routes, jobs);
        }
    }
}
