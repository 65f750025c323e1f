package app.tdah.myaccount;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import app.tdah.accounts.AccountService;
import app.tdah.accounts.AccountsGraphQl;
import app.tdah.accounts.RefreshCookie;
import app.tdah.identity.Role;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** "My account" over GraphQL: the profile (and the role and locale on User), and deleting the account. */
public final class MyAccountGraphQl implements GraphQlFeature {

    private final MyAccountService myAccount;
    private final AccountService accounts;
    private final boolean secureCookie;

    public MyAccountGraphQl(MyAccountService myAccount, AccountService accounts, boolean secureCookie) {
        this.myAccount = myAccount;
        this.accounts = accounts;
        this.secureCookie = secureCookie;
    }

    public record ProfilePayload(AccountsGraphQl.UserView user, List<UserError> userErrors) {
    }

    public record DeleteMyAccountPayload(boolean deleted, List<UserError> userErrors) {
    }

    /** Profiles read during one request, so that role and locale together cost one lookup. */
    private static final class Profiles {
        private final Map<UUID, Optional<MyAccountRepository.Profile>> byId = new ConcurrentHashMap<>();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("supportedLocales", env -> Locales.SUPPORTED))
                .type("Mutation", t -> t
                        .dataFetcher("updateProfile", this::updateProfile)
                        .dataFetcher("deleteMyAccount", this::deleteMyAccount))
                .type("User", t -> t
                        .dataFetcher("role", env -> profile(env).flatMap(p -> Role.ofCode(p.role())).orElse(null))
                        .dataFetcher("locale", env -> profile(env).map(MyAccountRepository.Profile::locale).orElse(null)));
    }

    private ProfilePayload updateProfile(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        UUID userId = context.owner();
        Map<String, Object> input = env.getArgument("input");
        MyAccountService.Outcome outcome = myAccount.updateProfile(userId, new MyAccountService.ProfileChanges(
                given(input, "displayName"), given(input, "timeZone"), given(input, "locale")), context.client());
        if (!outcome.done()) {
            return new ProfilePayload(null, outcome.errors());
        }
        return new ProfilePayload(accounts.user(userId).map(AccountsGraphQl.UserView::of).orElse(null), List.of());
    }

    private DeleteMyAccountPayload deleteMyAccount(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        Map<String, Object> input = env.getArgument("input");
        MyAccountService.Outcome outcome = myAccount.deleteAccount(context.owner(),
                (String) input.get("password"), context.client());
        if (outcome.done()) {
            context.setCookie(new RefreshCookie(secureCookie).expired());
        }
        return new DeleteMyAccountPayload(outcome.done(), outcome.errors());
    }

    private Optional<MyAccountRepository.Profile> profile(DataFetchingEnvironment env) {
        Optional<UUID> id = GlobalId.decode("User", env.<AccountsGraphQl.UserView>getSource().id());
        Profiles profiles = GraphQlEngine.context(env).cached(Profiles.class, Profiles::new);
        return id.flatMap(userId -> profiles.byId.computeIfAbsent(userId, myAccount::profile));
    }

    /** A field given as null is an empty value, refused as such: none of these can be cleared. */
    private static Optional<String> given(Map<String, Object> input, String field) {
        return input.containsKey(field) ? Optional.of(Objects.toString(input.get(field), "")) : Optional.empty();
    }
}
