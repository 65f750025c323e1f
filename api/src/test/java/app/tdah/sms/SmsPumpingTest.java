package app.tdah.sms;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import app.tdah.testing.FakeTwilio;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS pumping: sign-ups asking for verification codes to numbers that pay the asker. Codes go only to the countries
 * the operator opened, and at most so many an hour per client address and in all, whoever asks.
 */
class SmsPumpingTest {

    private static final FakeTwilio twilio = FakeTwilio.start();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(settings());

    private static final String ADD = "mutation A($i: AddPhoneInput!) { addPhone(input: $i) { phone { number } "
            + "userErrors { code message } } }";

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(twilio.settings());
        settings.put("pa.sms.default.region", "FR");
        settings.put("pa.sms.countries", "FR, BE");
        settings.put("pa.sms.verification.ip.per.hour", "2");
        settings.put("pa.sms.verification.global.per.hour", "3");
        return settings;
    }

    @AfterAll
    static void stopTwilio() {
        twilio.close();
    }

    @Test
    void codesAreLimitedPerClientAddressAndInAllAndOnlyGoToTheOpenedCountries() throws Exception {
        GraphQlClient british = personFrom("198.51.100.1");
        assertThat(add(british, "+44 7400 123456").path("userErrors").path(0).path("code").asText()).isEqualTo("INVALID");

        GraphQlClient first = personFrom("198.51.100.1");
        GraphQlClient second = personFrom("198.51.100.1");
        GraphQlClient third = personFrom("198.51.100.1");
        assertThat(add(first, "+33 6 12 00 00 01").path("userErrors")).isEmpty();
        assertThat(add(second, "+32 470 12 34 56").path("userErrors")).as("Belgium is open too").isEmpty();
        JsonNode sameAddress = add(third, "+33 6 12 00 00 03");
        assertThat(sameAddress.path("userErrors").path(0).path("code").asText()).isEqualTo("RATE_LIMITED");

        third.actFrom("203.0.113.7");
        assertThat(add(third, "+33 6 12 00 00 03").path("userErrors")).as("from another address").isEmpty();
        JsonNode overall = add(personFrom("192.0.2.9"), "+33 6 12 00 00 04");
        assertThat(overall.path("userErrors").path(0).path("code").asText()).as("three an hour in all").isEqualTo("RATE_LIMITED");

        twilio.awaitFor("+33612000003", 1, Duration.ofSeconds(20));
        assertThat(twilio.receivedFor("+33612000004")).isEmpty();
        assertThat(twilio.receivedFor("+447400123456")).isEmpty();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM sms_messages WHERE kind = 'VERIFICATION'")).isEqualTo(3);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'phone_code_throttled'")).isEqualTo(2);
        }
    }

    private static GraphQlClient personFrom(String clientAddress) {
        GraphQlClient client = TestAccounts.signUpConfirmed(server, "Europe/Paris").client();
        client.actFrom(clientAddress);
        return client;
    }

    private static JsonNode add(GraphQlClient client, String number) {
        return client.execute(ADD, Map.of("i", Map.of("number", number))).data("addPhone");
    }
}
