package app.tdah.ical;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tdah.identity.Principal;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The calendar-feed slice of the GraphQL API: thin fetchers over {@link IcalFeedService}, for the signed-in person. */
public final class IcalGraphQl implements GraphQlFeature {

    private static final UserError SIGN_IN_FIRST =
            new UserError(null, "Sign in to manage your calendar feed.", UserError.Code.NOT_AUTHENTICATED);

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
        return signedIn(env).flatMap(feeds::feed).orElse(null);
    }

    private IcalFeedPayload rotateIcalFeed(DataFetchingEnvironment env) {
        return signedIn(env)
                .map(userId -> {
                    IcalFeedService.RotatedFeed rotated = feeds.rotate(userId);
                    return new IcalFeedPayload(rotated.url(), rotated.feed(), List.of());
                })
                .orElseGet(() -> new IcalFeedPayload(null, null, List.of(SIGN_IN_FIRST)));
    }

    private RevokeIcalFeedPayload revokeIcalFeed(DataFetchingEnvironment env) {
        Optional<UUID> userId = signedIn(env);
        if (userId.isEmpty()) {
            return new RevokeIcalFeedPayload(List.of(SIGN_IN_FIRST));
        }
        feeds.revoke(userId.get());
        return new RevokeIcalFeedPayload(List.of());
    }

    private static Optional<UUID> signedIn(DataFetchingEnvironment env) {
        return GraphQlEngine.context(env).principal().map(Principal::userId);
    }
}
