package app.tdah.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestMailbox;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** What people receive by mail is in the language of their profile, as GreenMail receives it from the running server. */
class MailLanguageApiTest {

    @RegisterExtension
    static final TestMailbox mailbox = TestMailbox.start();
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(mailbox.serverSettings());

    private static final String UPDATE_PROFILE =
            "mutation U($i: UpdateProfileInput!) { updateProfile(input: $i) { userErrors { message } } }";

    private static TestAccounts.SignedUp confirmedIn(String locale) {
        TestAccounts.SignedUp person = TestAccounts.signUpConfirmed(server, "Europe/Paris");
        JsonNode updated = person.client().execute(UPDATE_PROFILE, Map.of("i", Map.of("locale", locale))).data("updateProfile");
        assertThat(updated.path("userErrors")).isEmpty();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET quiet_start = '00:00', quiet_end = '00:00' WHERE email = ?", person.email());
        }
        return person;
    }

    @Test
    void aFrenchPersonsReminderMailIsInFrench() {
        TestAccounts.SignedUp person = confirmedIn("fr");
        JsonNode created = person.client().execute("mutation C($i: CreateTaskInput!) { createTask(input: $i) { userErrors { message } } }",
                Map.of("i", Map.of("title", "appeler <maman>", "dueDate", "2026-12-24", "reminders",
                        List.of(Map.of("remindAt", Instant.now().plusSeconds(1).toString(), "channels", List.of("EMAIL"))))))
                .data("createTask");
        assertThat(created.path("userErrors")).isEmpty();

        TestMailbox.Mail reminder = mailbox.next(server, person.email(), "Rappel : appeler <maman>");

        assertThat(reminder.text()).contains("Bonjour Ada,", "Un petit rappel :", "appeler <maman>", "Pour le jeudi 24 décembre");
        assertThat(reminder.html()).contains("<html lang=\"fr\">", "appeler &lt;maman&gt;", "Pour le jeudi 24 décembre")
                .doesNotContain("<maman>");
    }

    @Test
    void aSpanishPersonsVerificationResetAndResetNoticeAreInSpanish() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "Europe/Madrid");
        person.client().execute(UPDATE_PROFILE, Map.of("i", Map.of("locale", "es")));

        assertThat(person.client().execute("mutation { resendVerification { userErrors { message } } }")
                .data("resendVerification").path("userErrors")).isEmpty();
        TestMailbox.Mail verification = mailbox.next(server, person.email(), "Confirme su dirección de correo");
        assertThat(verification.text()).contains("Hola, Ada:", "Confirme que esta es su dirección de correo", "/verify-email?token=");
        assertThat(verification.html()).contains(">Confirmar mi correo</a>");

        new GraphQlClient(server.baseUrl()).execute(
                "mutation Q($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) { userErrors { message } } }",
                Map.of("i", Map.of("email", person.email())));
        TestMailbox.Mail reset = mailbox.next(server, person.email(), "Restablezca su contraseña");
        assertThat(reset.text()).contains("Alguien ha pedido restablecer la contraseña de su cuenta.");
        JsonNode done = new GraphQlClient(server.baseUrl()).execute(
                "mutation R($i: ResetPasswordInput!) { resetPassword(input: $i) { userErrors { message } } }",
                Map.of("i", Map.of("token", reset.linkToken("/reset-password"), "newPassword", "purple-lantern-orbit-77")))
                .data("resetPassword");
        assertThat(done.path("userErrors")).isEmpty();

        assertThat(mailbox.next(server, person.email(), "Su contraseña se ha restablecido").text())
                .contains("La contraseña de su cuenta acaba de restablecerse");
    }
}
