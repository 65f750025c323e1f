package app.tdah.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.accounts.AccountService;
import app.tdah.accounts.AccountsGraphQl;
import app.tdah.accounts.AccountsGraphQl.UserView;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** The MFA slice of the GraphQL API: thin fetchers over {@link MfaService}. */
public final class MfaGraphQl implements GraphQlFeature {

    private final MfaService mfa;
    private final AccountService accounts;
    private final AccountsGraphQl signInResponses;

    /** {@code signInResponses} answers verifyMfa as login answers: the same payload and refresh cookie. */
    public MfaGraphQl(MfaService mfa, AccountService accounts, AccountsGraphQl signInResponses) {
        this.mfa = mfa;
        this.accounts = accounts;
        this.signInResponses = signInResponses;
    }

    public record ReauthenticatePayload(Instant recentUntil, List<UserError> userErrors) {
    }

    public record ResetUserMfaPayload(String userId, List<UserError> userErrors) {
    }

    public record StartMfaEnrolmentPayload(String otpauthUri, String manualEntryKey, String qrCodePng, List<UserError> userErrors) {
    }

    public record MfaBackupCodesPayload(List<String> backupCodes, UserView user, List<UserError> userErrors) {
    }

    public record DisableMfaPayload(UserView user, List<UserError> userErrors) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                        .dataFetcher("reauthenticate", this::reauthenticate)
                        .dataFetcher("resetUserMfa", this::resetUserMfa)
                        .dataFetcher("startMfaEnrolment", this::startEnrolment)
                        .dataFetcher("confirmMfaEnrolment", this::confirmEnrolment)
                        .dataFetcher("regenerateBackupCodes", this::regenerateBackupCodes)
                        .dataFetcher("disableMfa", this::disable)
                        .dataFetcher("verifyMfa", this::verify))
                .type("User", t -> t.dataFetcher("mfaEnabled", env -> GlobalId.decode("User", env.<UserView>getSource().id())
                        .map(mfa::isEnabled).orElse(false)));
    }

    private ReauthenticatePayload reauthenticate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        MfaService.Reauthentication result = mfa.reauthenticate(context.owner(), context.session(),
                (String) input.get("password"), (String) input.get("code"), context.client());
        return new ReauthenticatePayload(result.recentUntil().orElse(null), result.errors());
    }

    private ResetUserMfaPayload resetUserMfa(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        String id = (String) input.get("userId");
        Optional<UUID> userId = GlobalId.decode("User", id);
        List<UserError> errors = userId.isEmpty()
                ? List.of(new UserError("userId", "That account doesn't exist.", UserError.Code.NOT_FOUND))
                : mfa.resetByAdmin(context.owner(), userId.get(), context.client());
        return new ResetUserMfaPayload(errors.isEmpty() ? id : null, errors);
    }

    private StartMfaEnrolmentPayload startEnrolment(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        MfaService.EnrolmentResult result = mfa.startEnrolment(context.owner(), context.session());
        return result.enrolment()
                .map(e -> new StartMfaEnrolmentPayload(e.otpauthUri(), e.manualEntryKey(), e.qrCodePng(), List.of()))
                .orElseGet(() -> new StartMfaEnrolmentPayload(null, null, null, result.errors()));
    }

    private MfaBackupCodesPayload confirmEnrolment(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        UUID owner = GraphQlEngine.context(env).owner();
        return backupCodes(owner, mfa.confirmEnrolment(owner, (String) input.get("code"), GraphQlEngine.context(env).client()));
    }

    private MfaBackupCodesPayload regenerateBackupCodes(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        UUID owner = GraphQlEngine.context(env).owner();
        return backupCodes(owner, mfa.regenerateBackupCodes(owner, (String) input.get("code"), (String) input.get("password"),
                GraphQlEngine.context(env).client()));
    }

    private DisableMfaPayload disable(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        UUID owner = GraphQlEngine.context(env).owner();
        List<UserError> errors = mfa.disable(owner, (String) input.get("password"), (String) input.get("code"),
                GraphQlEngine.context(env).client());
        return new DisableMfaPayload(errors.isEmpty() ? user(owner) : null, errors);
    }

    private AccountsGraphQl.AuthPayload verify(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RequestContext context = GraphQlEngine.context(env);
        return signInResponses.respond(context,
                mfa.verify((String) input.get("challenge"), (String) input.get("code"), context.client()));
    }

    private MfaBackupCodesPayload backupCodes(UUID owner, MfaService.BackupCodesResult result) {
        return result.errors().isEmpty()
                ? new MfaBackupCodesPayload(result.backupCodes(), user(owner), List.of())
                : new MfaBackupCodesPayload(null, null, result.errors());
    }


    private UserView user(UUID id) {
        return accounts.user(id).map(UserView::of).orElse(null);
    }
}
