package app.tdah.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.NodeType;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The accounts slice of the GraphQL API: thin fetchers over {@link AccountService}. */
public final class AccountsGraphQl implements GraphQlFeature {

    private final AccountService accounts;
    private final RefreshCookie refreshCookie;

    public AccountsGraphQl(AccountService accounts, boolean secureCookie) {
        this.accounts = accounts;
        this.refreshCookie = new RefreshCookie(secureCookie);
    }

    /** The GraphQL view of a user. */
    public record UserView(String id, String email, String displayName, String timeZone, Instant createdAt) {
        public static UserView of(User user) {
            return new UserView(GlobalId.encode("User", user.id()), user.email(), user.displayName(), user.timeZone(), user.createdAt());
        }
    }

    public record AuthPayload(String accessToken, Instant accessTokenExpiresAt, UserView user, String mfaChallenge,
                              List<UserError> userErrors) {
    }

    public record LogoutPayload(List<UserError> userErrors) {
    }

    public record PreferencesView(int breakdownThreshold, String quietStart, String quietEnd, String digestTime) {
        static PreferencesView of(Preferences p) {
            return new PreferencesView(p.breakdownThreshold(), p.quietStart().toString(), p.quietEnd().toString(),
                    p.digestTime().toString());
        }
    }

    public record PreferencesPayload(PreferencesView preferences, List<UserError> userErrors) {
    }

    @Override
    public List<NodeType<?>> nodeTypes() {
        // A person can fetch only themselves as a node.
        return List.of(new NodeType<>("User", UserView.class, (owner, id) -> owner.equals(id)
                ? accounts.user(id).map(UserView::of) : Optional.empty()));
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("me", this::me))
                .type("Mutation", t -> t
                        .dataFetcher("register", this::register)
                        .dataFetcher("login", this::login)
                        .dataFetcher("refreshSession", this::refreshSession)
                        .dataFetcher("logout", this::logout)
                        .dataFetcher("updatePreferences", this::updatePreferences))
                .type("User", t -> t.dataFetcher("preferences", env -> GlobalId.decode("User", env.<UserView>getSource().id())
                        .flatMap(accounts::preferences).map(PreferencesView::of).orElse(null)));
    }

    private UserView me(DataFetchingEnvironment env) {
        // A deactivated account's or ended session's token still verifies until it expires: it has no principal.
        return GraphQlEngine.context(env).principal()
                .flatMap(p -> accounts.user(p.userId()))
                .map(UserView::of)
                .orElse(null);
    }

    /** The answer to a sign-up: the same for a new address and a taken one, so only input mistakes show. */
    public record RegisterPayload(List<UserError> userErrors) {
    }

    private RegisterPayload register(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        return new RegisterPayload(accounts.register(new AccountService.Registration(
                (String) input.get("email"), (String) input.get("password"),
                (String) input.get("displayName"), (String) input.get("timeZone"), (String) input.get("locale")),
                context.client()));
    }

    private AuthPayload login(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        return respond(context, accounts.login((String) input.get("email"), (String) input.get("password"), context.client()));
    }

    private AuthPayload refreshSession(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        AccountService.AuthResult result = accounts.refresh(context.refreshCookie(), context.client());
        if (result.session().isEmpty()) {
            context.setCookie(refreshCookie.expired());
        }
        return respond(context, result);
    }

    private LogoutPayload logout(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        accounts.logout(context.refreshCookie(), context.client());
        context.setCookie(refreshCookie.expired());
        return new LogoutPayload(List.of());
    }

    private PreferencesPayload updatePreferences(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        AccountService.PreferencesResult result = accounts.updatePreferences(GraphQlEngine.context(env).owner(),
                Optional.ofNullable((Integer) input.get("breakdownThreshold")),
                Optional.ofNullable((String) input.get("quietStart")), Optional.ofNullable((String) input.get("quietEnd")),
                Optional.ofNullable((String) input.get("digestTime")));
        return new PreferencesPayload(result.preferences().map(PreferencesView::of).orElse(null), result.errors());
    }

    /** The payload of every sign-in step; a started session also sets the refresh cookie. */
    public AuthPayload respond(RequestContext context, AccountService.AuthResult result) {
        Optional<AccountService.Session> session = result.session();
        if (session.isEmpty()) {
            return new AuthPayload(null, null, null, result.mfaChallenge().orElse(null), result.errors());
        }
        AccountService.Session s = session.get();
        context.setCookie(refreshCookie.of(s));
        return new AuthPayload(s.access().token(), s.access().expiresAt(), UserView.of(s.user()), null, List.of());
    }

}
