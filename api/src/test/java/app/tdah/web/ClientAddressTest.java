package app.tdah.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's address behind a trusted proxy, and only behind one. */
class ClientAddressTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.proxy.trusted", "127.0.0.1/32,::1/128,10.0.0.0/8"));

    private final ClientAddress behindProxies = new ClientAddress("127.0.0.1, ::1/128, 10.0.0.0/8");

    @Test
    void aDirectClientIsTakenAtItsSocketsWordWhateverItClaims() {
        assertThat(behindProxies.resolve("198.51.100.4", "203.0.113.9")).isEqualTo("198.51.100.4");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightmostUntrustedHop() {
        assertThat(behindProxies.resolve("127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        // The client claimed 1.2.3.4 itself; the proxies appended what they saw.
        assertThat(behindProxies.resolve("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("::1", "2001:db8::7")).isEqualTo("2001:db8::7");
    }

    @Test
    void aMissingOrGarbledHeaderLeavesTheProxysAddress() {
        assertThat(behindProxies.resolve("127.0.0.1", null)).isEqualTo("127.0.0.1");
        assertThat(behindProxies.resolve("127.0.0.1", "example.com")).isEqualTo("127.0.0.1");
        assertThat(behindProxies.resolve("127.0.0.1", "10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void aBadSettingStopsStartUpWithItsName() {
        assertThatThrownBy(() -> new ClientAddress("localhost")).hasMessageContaining("pa.proxy.trusted");
        assertThatThrownBy(() -> new ClientAddress("10.0.0.0/33")).hasMessageContaining("pa.proxy.trusted");
    }

    @Test
    void theAuditTrailRecordsTheAddressNginxSaw() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String body = "{\"query\":\"mutation { login(input: {email: \\\"" + person.email()
                + "\\\", password: \\\"wrong-password-1\\\"}) { accessToken } }\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.77")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT ip FROM audit_events WHERE action = 'sign_in_failed' AND subject_id = ?",
                    sql.userId(person.email()))).isEqualTo("203.0.113.77");
        }
    }
}
