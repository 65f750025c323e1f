package app.tdah.ical;

import java.util.List;

import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The calendar-feed slice of the GraphQL API: thin fetchers over {@link IcalFeedService}, for the signed-in person. */
public final class IcalGraphQl implements GraphQlFeature {

    private final IcalFeedService feeds;

    public IcalGraphQl(IcalFeedService feeds) {
        this.feeds = feeds;
    }

    public record IcalFeedPayload(String url, IcalFeed feed, List<UserError> userErrors) {
    }

    public record RevokeIcalFeedPayload(List<UserError> userErrors) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("icalFeed", this::icalFeed))
                .type("Mutation", t -> t
                        .dataFetcher("rotateIcalFeed", this::rotateIcalFeed)
                        .dataFetcher("revokeIcalFeed", this::revokeIcalFeed));
    }

    private IcalFeed icalFeed(DataFetchingEnvironment env) {
        return feeds.feed(GraphQlEngine.context(env).owner()).orElse(null);
    }

    private IcalFeedPayload rotateIcalFeed(DataFetchingEnvironment env) {
        IcalFeedService.RotatedFeed rotated = feeds.rotate(GraphQlEngine.context(env).owner());
        return new IcalFeedPayload(rotated.url(), rotated.feed(), List.of());
    }

    private RevokeIcalFeedPayload revokeIcalFeed(DataFetchingEnvironment env) {
        feeds.revoke(GraphQlEngine.context(env).owner());
        return new RevokeIcalFeedPayload(List.of());
    }
}
