package app.tdah.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site whose public URL is https (TLS ends at the proxy in front of it) names its cookies with the prefixes browsers
 * enforce, so that no other host, such as a sibling subdomain, can plant a session or flow cookie here.
 */
class SiteCookiesOverHttpsTest {

    private static final String LOGIN = """
            mutation Login($input: LoginInput!) {
              login(input: $input) { accessToken userErrors { code } }
            }""";
    private static final String REFRESH = "mutation Refresh { refreshSession { accessToken userErrors { code } } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of("pa.public.url", "https://assistant.example.test"));

    @Test
    void theSessionCookieIsHostOnlyAndSecureAndOnlyThatNameIsRead() {
        String email = "https-" + UUID.randomUUID() + "@example.com";
        TestAccounts.signUpAs(server.baseUrl(), email, "Ada", "UTC");
        GraphQlClient browser = new GraphQlClient(server.baseUrl(), "__Host-pa_refresh");
        GraphQlClient.Response signedIn = browser.execute(LOGIN, Map.of("input", Map.of("email", email, "password",
                TestAccounts.PASSWORD)));

        String cookie = signedIn.setCookies().stream().filter(c -> c.contains("pa_refresh=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("__Host-pa_refresh=").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/;").doesNotContainIgnoringCase("Domain=");
        assertThat(browser.execute(REFRESH).data("refreshSession").path("accessToken").asText()).isNotBlank();

        // The same token under the unprefixed name, as a cookie another host could set, signs nobody in.
        String token = cookie.substring("__Host-pa_refresh=".length(), cookie.indexOf(';'));
        GraphQlClient planted = new GraphQlClient(server.baseUrl());
        planted.useRefreshCookie(token);
        assertThat(planted.execute(REFRESH).data("refreshSession").path("accessToken").isNull()).isTrue();
    }

    @Test
    void aFlowCookieIsSecurePrefixedOverHttpsAndPlainOverHttp() {
        BrowserBinding overHttps = new BrowserBinding("pa_oidc", "/auth/oidc", true, Duration.ofMinutes(10));
        BrowserBinding overHttp = new BrowserBinding("pa_oidc", "/auth/oidc", false, Duration.ofMinutes(10));

        assertThat(overHttps.cookie("v").name()).isEqualTo("__Secure-pa_oidc");
        assertThat(overHttps.cookie("v").secure()).isTrue();
        assertThat(overHttps.cleared().name()).isEqualTo("__Secure-pa_oidc");
        assertThat(overHttp.cookie("v").name()).isEqualTo("pa_oidc");
        assertThat(overHttp.cookie("v").secure()).isFalse();
    }
}
