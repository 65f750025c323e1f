package app.tdah.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.NodeType;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The sign-in providers slice of the GraphQL API: thin fetchers over {@link ProviderSignIn}. */
public final class OidcGraphQl implements GraphQlFeature {

    private static final String TYPE = "ExternalIdentity";

    private final ProviderSignIn signIn;
    private final boolean secureCookie;

    public OidcGraphQl(ProviderSignIn signIn, boolean secureCookie) {
        this.signIn = signIn;
        this.secureCookie = secureCookie;
    }

    public record SignInProviderView(IdentityProvider provider, String name, String startUrl) {
    }

    public record ExternalIdentityView(String id, IdentityProvider provider, String email, Instant linkedAt, Instant lastUsedAt) {
        static ExternalIdentityView of(ExternalIdentity identity) {
            return new ExternalIdentityView(GlobalId.encode(TYPE, identity.id()), identity.provider(), identity.email(),
                    identity.linkedAt(), identity.lastUsedAt());
        }
    }

    public record StartIdentityLinkPayload(String url, List<UserError> userErrors) {
    }

    public record UnlinkIdentityPayload(String unlinkedId, List<UserError> userErrors) {
    }

    public record PendingIdentityLinkView(IdentityProvider provider, String email) {
    }

    public record ConfirmIdentityLinkPayload(ExternalIdentityView identity, List<UserError> userErrors) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        return List.of(new NodeType<>(TYPE, ExternalIdentityView.class,
                (owner, id) -> signIn.identity(owner, id).map(ExternalIdentityView::of)));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                        .dataFetcher("signInProviders", env -> signIn.enabledProviders().stream()
                                .map(p -> new SignInProviderView(p, p.displayName(), ProviderSignIn.startPath(p)))
                                .toList())
                        .dataFetcher("identities", env -> signIn.identities(GraphQlEngine.context(env).owner()).stream()
                                .map(ExternalIdentityView::of).toList())
                        .dataFetcher("pendingIdentityLink", this::pendingIdentityLink))
                .type("Mutation", t -> t
                        .dataFetcher("startIdentityLink", this::startIdentityLink)
                        .dataFetcher("confirmIdentityLink", this::confirmIdentityLink)
                        .dataFetcher("unlinkIdentity", this::unlinkIdentity));
    }

    private StartIdentityLinkPayload startIdentityLink(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        ProviderSignIn.LinkStart started = signIn.startLink(context.owner(), context.session(),
                IdentityProvider.valueOf((String) input.get("provider")));
        started.intentToken().ifPresent(token -> context.setCookie(OidcHttpService.linkIntentCookie(token, secureCookie)
                .maxAge(PendingSignIns.LINK_INTENT_LIFETIME).build()));
        return new StartIdentityLinkPayload(started.url().orElse(null), started.errors());
    }

    private PendingIdentityLinkView pendingIdentityLink(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        return signIn.pendingLink(context.owner(), context.session(), env.getArgument("token"))
                .map(link -> new PendingIdentityLinkView(link.provider(), link.email().orElse(null)))
                .orElse(null);
    }

    private ConfirmIdentityLinkPayload confirmIdentityLink(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        ProviderSignIn.LinkConfirmation result = signIn.confirmLink(context.owner(), context.session(),
                (String) input.get("token"), context.client());
        return new ConfirmIdentityLinkPayload(result.identity().map(ExternalIdentityView::of).orElse(null), result.errors());
    }

    private UnlinkIdentityPayload unlinkIdentity(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String id = (String) input.get("id");
        Optional<UUID> identityId = GlobalId.decode(TYPE, id);
        if (identityId.isEmpty()) {
            return new UnlinkIdentityPayload(null, List.of(new UserError("id", "No such linked account.", UserError.Code.NOT_FOUND)));
        }
        ProviderSignIn.Unlinked result = signIn.unlink(GraphQlEngine.context(env).owner(), identityId.get(),
                GraphQlEngine.context(env).client());
        return new UnlinkIdentityPayload(result.identity().map(i -> id).orElse(null), result.errors());
    }
}
