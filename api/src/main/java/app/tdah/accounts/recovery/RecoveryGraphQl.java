package app.tdah.accounts.recovery;

import java.util.List;
import java.util.Map;

import app.tdah.accounts.AccountService;
import app.tdah.accounts.AccountsGraphQl;
import app.tdah.graphql.GlobalId;
import app.tdah.graphql.GraphQlEngine;
import app.tdah.graphql.GraphQlFeature;
import app.tdah.graphql.RequestContext;
import app.tdah.errors.UserError;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** Email verification, password reset, and changing one's password or email: thin fetchers over the two services. */
public final class RecoveryGraphQl implements GraphQlFeature {

    private final EmailVerification emails;
    private final PasswordRecovery passwords;

    public RecoveryGraphQl(EmailVerification emails, PasswordRecovery passwords) {
        this.emails = emails;
        this.passwords = passwords;
    }

    /** The payload of the mutations that answer nothing but their errors. */
    public record Payload(List<UserError> userErrors) {
    }

    public record VerifyEmailPayload(String email, List<UserError> userErrors) {
    }

    public record ChangeEmailPayload(String pendingEmail, List<UserError> userErrors) {
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                        .dataFetcher("verifyEmail", this::verifyEmail)
                        .dataFetcher("resendVerification", this::resendVerification)
                        .dataFetcher("requestPasswordReset", this::requestPasswordReset)
                        .dataFetcher("resetPassword", this::resetPassword)
                        .dataFetcher("changePassword", this::changePassword)
                        .dataFetcher("changeEmail", this::changeEmail))
                .type("User", t -> t.dataFetcher("emailVerified", env ->
                        GlobalId.decode("User", env.<AccountsGraphQl.UserView>getSource().id())
                                .flatMap(emails::isVerified).orElse(false)));
    }

    private VerifyEmailPayload verifyEmail(DataFetchingEnvironment env) {
        EmailVerification.Verified verified = emails.verify(text(env, "token"), GraphQlEngine.context(env).client());
        return new VerifyEmailPayload(verified.email().orElse(null), verified.errors());
    }

    private Payload resendVerification(DataFetchingEnvironment env) {
        return new Payload(emails.resend(GraphQlEngine.context(env).owner()));
    }

    private Payload requestPasswordReset(DataFetchingEnvironment env) {
        return new Payload(passwords.requestReset(text(env, "email"), GraphQlEngine.context(env).client()));
    }

    private Payload resetPassword(DataFetchingEnvironment env) {
        return new Payload(passwords.reset(text(env, "token"), text(env, "newPassword"), GraphQlEngine.context(env).client()));
    }

    private Payload changePassword(DataFetchingEnvironment env) {
        RequestContext context = GraphQlEngine.context(env);
        return new Payload(passwords.change(context.owner(), text(env, "currentPassword"), text(env, "newPassword"),
                context.principal().orElseThrow().sessionId(), context.client()));
    }

    private ChangeEmailPayload changeEmail(DataFetchingEnvironment env) {
        List<UserError> errors = emails.requestChange(GraphQlEngine.context(env).owner(), text(env, "newEmail"), text(env, "currentPassword"),
                GraphQlEngine.context(env).client());
        return new ChangeEmailPayload(errors.isEmpty() ? AccountService.normaliseEmail(text(env, "newEmail")) : null, errors);
    }

    private static String text(DataFetchingEnvironment env, String field) {
        Map<String, Object> input = env.getArgument("input");
        return (String) input.get(field);
    }
}
