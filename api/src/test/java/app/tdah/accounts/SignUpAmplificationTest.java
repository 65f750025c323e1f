package app.tdah.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One anonymous request or one network cannot create accounts without end: each costs an Argon2 hash and a mail.
 * The test plays several client addresses through the trusted proxy's X-Forwarded-For.
 */
class SignUpAmplificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_ADDRESS = 2;
    private static final int GLOBAL = 5;

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(
            "pa.auth.signup.ip.per.hour", Integer.toString(PER_ADDRESS),
            "pa.auth.signup.global.per.hour", Integer.toString(GLOBAL)));

    @Test
    void aRequestWithMoreThanFiveAliasedSignUpsIsRefusedBeforeAnyRuns() {
        String marker = UUID.randomUUID().toString();
        StringBuilder mutation = new StringBuilder("mutation {");
        for (int i = 0; i < 40; i++) {
            mutation.append(" r").append(i).append(": register(input: {email: \"amp-").append(i).append('-').append(marker)
                    .append("@example.com\", password: \"correct-horse-battery-42\", displayName: \"A\", timeZone: \"UTC\"})")
                    .append(" { userErrors { code } }");
        }
        JsonNode answer = post("198.51.100.1", mutation.append(" }").toString());

        assertThat(answer.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("TOO_MANY_MUTATIONS");
        assertThat(answer.path("errors").get(0).path("message").asText()).contains("at most 5");
        assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).isTrue();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM users WHERE email LIKE ?", "%" + marker + "%")).isZero();
        }
    }

    @Test
    void mutationsBehindFragmentsCountToo() {
        String fields = "a: logout { userErrors { code } } b: logout { userErrors { code } } c: logout { userErrors { code } }";
        JsonNode answer = post("198.51.100.2", "mutation { ...Three ... on Mutation { " + fields + " } }"
                + " fragment Three on Mutation { d: logout { userErrors { code } } e: logout { userErrors { code } } "
                + "f: logout { userErrors { code } } }");
        assertThat(answer.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("TOO_MANY_MUTATIONS");

        JsonNode five = post("198.51.100.2", "mutation { " + fields
                + " d: logout { userErrors { code } } e: logout { userErrors { code } } }");
        assertThat(five.path("errors").isMissingNode()).isTrue();
        assertThat(five.path("data").path("e").path("userErrors").isArray()).isTrue();
    }

    @Test
    void signUpsAreLimitedPerClientAddressAndInAll() {
        assertThat(codes("203.0.113.1", PER_ADDRESS + 1)).containsExactly("", "", "RATE_LIMITED");
        // Other addresses go on until the installation's hourly allowance is used up: 5 in all, 2 of them spent.
        List<String> others = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            others.addAll(codes("203.0.113." + i, 1));
        }
        assertThat(others).containsExactly("", "", "", "RATE_LIMITED", "RATE_LIMITED");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM users WHERE email LIKE 'limited-%'")).isEqualTo(GLOBAL);
        }
    }

    /** Signs up {@code times} new people from the address; the first userError code of each, "" for a success. */
    private static List<String> codes(String address, int times) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            JsonNode answer = post(address, """
                    mutation { register(input: {email: "limited-%s@example.com", password: "correct-horse-battery-42",
                      displayName: "A", timeZone: "UTC"}) { userErrors { code } } }""".formatted(UUID.randomUUID()));
            codes.add(answer.path("data").path("register").path("userErrors").path(0).path("code").asText(""));
        }
        return codes;
    }

    private static JsonNode post(String clientAddress, String query) {
        try {
            var response = new GraphQlClient(server.baseUrl()).send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", clientAddress)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                    .build());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
