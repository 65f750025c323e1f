package app.tdah.accounts;

import java.util.Map;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestAccounts.SignedUp;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** userErrors through real HTTP come in the signed-in person's profile language, numbers kept; English before sign-in. */
class UserErrorLanguageApiTest {

    private static final String CAPTURE = """
            mutation CaptureTask($input: CaptureTaskInput!) { captureTask(input: $input) { task { id } userErrors { message } } }""";
    private static final String UPDATE = """
            mutation UpdateTask($input: UpdateTaskInput!) {
              updateTask(input: $input) { task { id } userErrors { field code message } }
            }""";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();
    private static TestSql sql;

    @BeforeAll
    static void connect() {
        sql = TestSql.connect(server.jdbcUrl());
    }

    @AfterAll
    static void disconnect() {
        sql.close();
    }

    @Test
    void aFrenchOrSpanishProfileGetsItsMessagesInItsLanguageAndEnglishStaysEnglish() {
        assertThat(titleErrors("fr-CA")).containsExactly("Donnez un titre à la tâche.", "Gardez le titre sous 500 caractères.");
        assertThat(titleErrors("es")).containsExactly("Dé un título a la tarea.", "Mantenga el título por debajo de 500 caracteres.");
        assertThat(titleErrors("en")).containsExactly("Give the task a title.", "Keep the title under 500 characters.");
        assertThat(titleErrors("de")).as("a language the product does not speak").containsExactly("Give the task a title.",
                "Keep the title under 500 characters.");
    }

    /** Beyond tasks: a profile's own list of languages, and a link refused with its "ask again" phrase translated too. */
    @Test
    void messagesOfEveryFeatureComeInThePersonsLanguage() {
        SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        sql.update("UPDATE users SET locale = 'fr' WHERE id = ?", sql.userId(person.email()));

        JsonNode profile = person.client().execute("""
                        mutation U($i: UpdateProfileInput!) { updateProfile(input: $i) { userErrors { message } } }""",
                Map.of("i", Map.of("locale", "de"))).data("updateProfile");
        JsonNode verify = person.client().execute("""
                        mutation V($i: VerifyEmailInput!) { verifyEmail(input: $i) { userErrors { message } } }""",
                Map.of("i", Map.of("token", "not-a-token"))).data("verifyEmail");

        assertThat(profile.path("userErrors").path(0).path("message").asText()).isEqualTo("Choisissez parmi : en, fr, es.");
        assertThat(verify.path("userErrors").path(0).path("message").asText()).isEqualTo("Ce lien n’est pas valide. Vérifiez "
                + "que vous avez ouvert le lien entier du message, ou vous pouvez demander un nouveau lien depuis les réglages de votre compte.");
    }

    @Test
    void beforeSignInMessagesAreEnglish() {
        JsonNode login = new GraphQlClient(server.baseUrl()).execute("""
                        mutation Login($input: LoginInput!) { login(input: $input) { userErrors { code message } } }""",
                Map.of("input", Map.of("email", "nobody@example.com", "password", "wrong password here"))).data("login");
        assertThat(login.path("userErrors").path(0).path("message").asText()).startsWith("That email and password");
    }

    /** The messages of an empty title, then a 501-character one, for a person whose profile language is {@code locale}. */
    private static java.util.List<String> titleErrors(String locale) {
        SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        sql.update("UPDATE users SET locale = ? WHERE id = ?", locale, sql.userId(person.email()));
        String id = person.client().execute(CAPTURE, Map.of("input", Map.of("text", "buy milk")))
                .data("captureTask").path("task").path("id").asText();
        return java.util.stream.Stream.of("", "x".repeat(501))
                .map(title -> person.client().execute(UPDATE, Map.of("input", Map.of("id", id, "title", title)))
                        .data("updateTask").path("userErrors").path(0).path("message").asText())
                .toList();
    }
}
