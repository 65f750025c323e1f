package app.tdah.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting a sign-in through a provider is anonymous, so it is capped per client address (each start keeps a flow). */
class OidcStartLimitTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.oidc.start.ip.per.hour", "3"));

    @Test
    void startsBeyondTheHourlyCapOfAnAddressAreSentBackRateLimited() throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(start("203.0.113.20", ""));
        }
        answers.add(start("203.0.113.20", "?link=anything"));
        answers.add(start("203.0.113.21", ""));

        // No provider is configured here: an admitted start is refused for that, a capped one before it.
        assertThat(answers).containsExactly("/signin?error=oidc_unavailable", "/signin?error=oidc_unavailable",
                "/signin?error=oidc_unavailable", "/signin?error=oidc_rate_limited", "/settings?error=oidc_rate_limited",
                "/signin?error=oidc_unavailable");
    }

    /** The redirect a start from this client address gets. */
    private static String start(String clientAddress, String query) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/auth/oidc/google/start" + query))
                .header("X-Forwarded-For", clientAddress).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("location").orElseThrow();
    }
}
