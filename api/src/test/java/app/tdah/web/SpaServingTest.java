package app.tdah.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
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

    /**
     * Behind Nginx the policy comes from the nginx role (set once for every response, its own error pages included);
     * without it, from the app. The two must say the same, or a page would behave differently with and without Nginx.
     */
    @Test
    void theAppsContentSecurityPolicyIsTheOneNginxSets() throws IOException {
        String defaults = Files.readString(Path.of("../ansible/roles/nginx/defaults/main.yml"));
        Matcher nginx = Pattern.compile("nginx_content_security_policy: >-\\n\\s+(.+)\\n").matcher(defaults);
        assertThat(nginx.find()).as("nginx_content_security_policy in the nginx role's defaults").isTrue();

        assertThat(client.get("/").headers().firstValue("content-security-policy")).contains(nginx.group(1).strip());
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
    void scriptsGoOutPrecompressedInTheBestEncodingTheBrowserAccepts() throws Exception {
        String script = scriptPath();
        HttpResponse<byte[]> plain = fetch(script, null);
        HttpResponse<byte[]> gzip = fetch(script, "gzip, deflate");
        HttpResponse<byte[]> brotli = fetch(script, "gzip, deflate, br, zstd");

        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(plain.headers().firstValue("vary")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(gzip.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
        assertThat(brotli.headers().firstValue("content-encoding")).contains("br");
        for (HttpResponse<byte[]> compressed : List.of(gzip, brotli)) {
            assertThat(compressed.statusCode()).isEqualTo(200);
            assertThat(compressed.headers().firstValue("vary")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
            assertThat(compressed.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
            assertThat(compressed.headers().firstValue("cache-control")).contains("public, max-age=31536000, immutable");
            assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
        }
        assertThat(brotli.body().length).isLessThan(gzip.body().length);
    }

    @Test
    void anEncodingRefusedWithQZeroIsNotSent() throws Exception {
        HttpResponse<byte[]> response = fetch(scriptPath(), "br;q=0, gzip;q=0.5");
        assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(fetch(scriptPath(), "*;q=0, identity").headers().firstValue("content-encoding")).isEmpty();
        assertThat(SpaRouting.accepts("gzip;q=0.000", "gzip")).isFalse();
        assertThat(SpaRouting.accepts("*", "br")).isTrue();
        assertThat(SpaRouting.accepts("", "gzip")).isFalse();
    }

    @Test
    void clientSideRoutesGetTheEntryPageCompressedToo() throws Exception {
        HttpResponse<byte[]> today = fetch("/today", "gzip");
        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.headers().firstValue("cache-control")).contains("no-cache");
        String page = today.headers().firstValue("content-encoding").isPresent()
                ? new String(gunzip(today.body())) : new String(today.body());
        assertThat(page).isEqualTo(client.get("/").body());
    }

    private static String scriptPath() {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(client.get("/").body());
        assertThat(script.find()).isTrue();
        return script.group(1);
    }

    private static HttpResponse<byte[]> fetch(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
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
