package app.tdah.accounts.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.platform.BearerSecrets;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestMailbox;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up mails a link to /verify-email; the link, read from the mail GreenMail received, confirms the address once. */
class EmailVerificationApiTest {

    @RegisterExtension
    static final TestMailbox mailbox = TestMailbox.start();
    static final MovableClock clock = new MovableClock(Instant.now());
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(mailbox.serverSettings(), clock);

    private static final String SUBJECT = "Confirm your email address";
    private static final String VERIFY = "mutation V($i: VerifyEmailInput!) { verifyEmail(input: $i) { email userErrors { field code message } } }";
    private static final String RESEND = "mutation { resendVerification { userErrors { code message } } }";

    @Test
    void theLinkMailedAtSignUpConfirmsTheAddressOnce() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        assertThat(emailVerified(person.client())).isFalse();

        TestMailbox.Mail mail = mailbox.next(server, person.email(), SUBJECT);
        assertThat(mail.text()).contains(server.settings().publicUrl() + "/verify-email?token=");
        assertThat(mail.html()).contains(server.settings().publicUrl() + "/verify-email?token=");
        String token = mail.linkToken("/verify-email");
        JsonNode verified = verify(token);

        assertThat(verified.path("userErrors")).isEmpty();
        assertThat(verified.path("email").asText()).isEqualTo(person.email());
        assertThat(emailVerified(person.client())).isTrue();
        JsonNode again = verify(token);
        assertThat(again.path("email").isNull()).isTrue();
        assertThat(again.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(again.path("userErrors").get(0).path("field").asText()).isEqualTo("token");
        assertThat(again.path("userErrors").get(0).path("message").asText()).contains("already used");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID id = sql.userId(person.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'email_verified' "
                    + "AND subject_id = ? AND outcome = 'success'", id)).isEqualTo(1);
            assertThat(sql.value(String.class, "SELECT encode(token_hash, 'hex') FROM account_tokens WHERE user_id = ?", id))
                    .as("only the hash is stored").isEqualTo(HexFormat.of().formatHex(BearerSecrets.sha256(token)));
            assertThat(sql.value(Long.class, "SELECT count(*) FROM account_tokens t WHERE t::text LIKE '%' || ? || '%'", token)).isZero();
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events a WHERE a::text LIKE '%' || ? || '%'", token)).isZero();
        }
    }

    @Test
    void aLinkExpiresAfterADayAndANewOneCanBeAskedFor() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String token = mailbox.next(server, person.email(), SUBJECT).linkToken("/verify-email");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        JsonNode late = verify(token);

        assertThat(late.path("userErrors").get(0).path("message").asText()).contains("expired");
        GraphQlClient signedIn = signIn(person.email()); // the sign-up's access token expired with the day
        assertThat(emailVerified(signedIn)).isFalse();
        assertThat(signedIn.execute(RESEND).data("resendVerification").path("userErrors")).isEmpty();
        String fresh = mailbox.next(server, person.email(), SUBJECT).linkToken("/verify-email");
        assertThat(verify(fresh).path("userErrors")).isEmpty();
        assertThat(emailVerified(signedIn)).isTrue();
        assertThat(signedIn.execute(RESEND).data("resendVerification").path("userErrors").get(0).path("message").asText())
                .contains("already confirmed");
    }

    @Test
    void aNewLinkReplacesTheLastOneAndResendingIsLimited() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String first = mailbox.next(server, person.email(), SUBJECT).linkToken("/verify-email");

        for (int i = 0; i < 3; i++) {
            assertThat(person.client().execute(RESEND).data("resendVerification").path("userErrors")).as("resend " + i).isEmpty();
        }
        JsonNode fourth = person.client().execute(RESEND).data("resendVerification");

        assertThat(fourth.path("userErrors").get(0).path("code").asText()).isEqualTo("RATE_LIMITED");
        List<String> resent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            resent.add(mailbox.next(server, person.email(), SUBJECT).linkToken("/verify-email"));
        }
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM mail_outbox WHERE recipient = ? AND kind = 'VERIFICATION'",
                    person.email())).as("the sign-up mail and three resent, not the refused one").isEqualTo(4);
        }
        assertThat(verify(first).path("userErrors").get(0).path("message").asText()).contains("not valid");
        // Queued at the same instant, the three may arrive in any order; only the newest link works.
        List<String> answers = resent.stream().map(token -> verify(token).path("userErrors").toString()).toList();
        assertThat(answers).filteredOn("[]"::equals).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.contains("not valid")).hasSize(2);
    }

    @Test
    void anAccountSignedUpInFrenchIsFrenchAndItsVerificationMailToo() {
        String email = "person-" + UUID.randomUUID() + "@example.com";
        assertThat(register(email, "fr").path("userErrors")).isEmpty();

        GraphQlClient signedIn = signIn(email);
        assertThat(signedIn.execute("{ me { locale } }").data("me").path("locale").asText()).isEqualTo("fr");
        TestMailbox.Mail mail = mailbox.next(server, email, "Confirmez votre adresse e-mail");
        assertThat(mail.text()).contains("Merci de confirmer que cette adresse est bien la vôtre").doesNotContain("Confirm your email");
        assertThat(mail.html()).contains("Confirmer mon adresse");
        assertThat(mail.linkToken("/verify-email")).isNotBlank();
    }

    @Test
    void theSignUpLanguageIsReadAsTheProfileRuleReadsItAndAnythingElseIsEnglish() {
        // The browser's tag: a region is dropped; a language the product does not speak, or none, is English.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ES-mx", "es");
        expected.put("de", "en");
        expected.put("not a tag", "en");
        expected.put(null, "en");
        expected.forEach((given, stored) -> {
            String email = "person-" + UUID.randomUUID() + "@example.com";
            assertThat(register(email, given).path("userErrors")).as(String.valueOf(given)).isEmpty();
            assertThat(signIn(email).execute("{ me { locale } }").data("me").path("locale").asText())
                    .as(String.valueOf(given)).isEqualTo(stored);
        });
        String spanish = "person-" + UUID.randomUUID() + "@example.com";
        register(spanish, "es");
        assertThat(mailbox.next(server, spanish, "Confirme su dirección de correo").text()).contains("Confirme que esta es su dirección de correo");
    }

    @Test
    void aTokenThatWasNeverIssuedIsRefusedClearly() {
        for (String token : new String[] {BearerSecrets.generate(), "", "x".repeat(500), "../../etc/passwd"}) {
            JsonNode answer = verify(token);
            assertThat(answer.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
            assertThat(answer.path("userErrors").get(0).path("message").asText()).contains("not valid");
        }
    }

    /** Signs up through the real mutation, {@code locale} as the SPA sends it (left out when null). */
    private static JsonNode register(String email, String locale) {
        Map<String, Object> input = new HashMap<>(Map.of("email", email, "password", "correct-horse-battery-42",
                "displayName", "Ada", "timeZone", "Europe/Paris"));
        if (locale != null) {
            input.put("locale", locale);
        }
        return new GraphQlClient(server.baseUrl()).execute(
                "mutation R($i: RegisterInput!) { register(input: $i) { userErrors { field code message } } }",
                Map.of("i", input)).data("register");
    }

    private static JsonNode verify(String token) {
        return new GraphQlClient(server.baseUrl()).execute(VERIFY, Map.of("i", Map.of("token", token))).data("verifyEmail");
    }

    private static boolean emailVerified(GraphQlClient client) {
        JsonNode me = client.execute("{ me { emailVerified } }").data("me");
        assertThat(me.path("emailVerified").isBoolean()).as(me.toString()).isTrue();
        return me.path("emailVerified").asBoolean();
    }

    private static GraphQlClient signIn(String email) {
        GraphQlClient client = new GraphQlClient(server.baseUrl());
        client.useAccessToken(client.execute("mutation L($i: LoginInput!) { login(input: $i) { accessToken } }",
                Map.of("i", Map.of("email", email, "password", "correct-horse-battery-42"))).data("login").path("accessToken").asText());
        return client;
    }
}
