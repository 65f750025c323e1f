package app.tdah.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPA built by the ui module, served by the server with the right caching. */
class SpaServingTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();
    private static GraphQlClient client;

    @BeforeAll
    static void start() {
        client = new GraphQlClient(server.baseUrl());
    }

    @Test
    void theEntryPageIsServedAndNeverCached() {
        HttpResponse<String> index = client.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"root\"");
        assertThat(index.headers().firstValue("cache-control")).contains("no-cache");
        assertThat(index.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(index.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    void clientSideRoutesFallBackToTheEntryPage() {
        HttpResponse<String> today = client.get("/today");
        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.body()).isEqualTo(client.get("/").body());
    }

    @Test
    void theSpasOwnPagesFallBackToTheEntryPageWithTheirQuery() {
        String index = client.get("/").body();
        for (String page : List.of("/settings", "/admin", "/forgot-password", "/reset-password?token=abc_-123",
                "/verify-email?token=abc_-123", "/signin?error=ACCESS_DENIED", "/settings?linked=GOOGLE")) {
            HttpResponse<String> response = client.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).isEqualTo(index);
        }
    }

    @Test
    void hashedAssetsAreImmutable() {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(client.get("/").body());
        assertThat(script.find()).as("index.html references a hashed script").isTrue();
        HttpResponse<String> asset = client.get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("cache-control")).contains("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void aMissingFileIs404NotTheEntryPage() {
        assertThat(client.get("/assets/nope-123.js").statusCode()).isEqualTo(404);
        assertThat(client.get("/assets/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void theServersOwnEndpointsAreNeverTheSpa() {
        assertThat(client.get("/observe/health/ready").body()).doesNotContain("<div id=\"root\"");
        assertThat(client.get("/observe/nothing-here").statusCode()).isEqualTo(404);
        assertThat(client.get("/graphql/nothing-here").statusCode()).isEqualTo(404);
        for (String endpoint : List.of("/auth/oidc/nowhere/start", "/oauth/nowhere/callback", "/account/nothing",
                "/sms/nothing", "/ical/nothing")) {
            assertThat(client.get(endpoint).statusCode()).as(endpoint).isEqualTo(404);
        }
    }
}
