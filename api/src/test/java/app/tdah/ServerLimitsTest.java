package app.tdah;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntPredicate;

import app.tdah.testing.RunningServer;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A node serves a bounded number of requests at once; the next one is answered 503 at once instead of piling up. */
class ServerLimitsTest {

    @Test
    void theShippedConfigurationCapsConcurrentRequests() {
        Config config = Config.just(ConfigSources.classpath("application.yaml"));
        assertThat(WebServerConfig.create(config.get("server")).maxConcurrentRequests()).isEqualTo(200);
        assertThat(Main.serverVariables(Map.of("PA_MAX_CONCURRENT_REQUESTS", "50")))
                .containsEntry("server.max-concurrent-requests", "50");
    }

    @Test
    void aRequestBeyondTheCapIsAnswered503UntilOneEnds() throws Exception {
        try (RunningServer server = RunningServer.start(Map.of("server.max-concurrent-requests", "1"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest probe = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql?query=%7BapiVersion%7D")).build();
            assertThat(http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

            // A request whose body never comes keeps its handler busy.
            try (Socket slow = new Socket("127.0.0.1", server.port())) {
                OutputStream out = slow.getOutputStream();
                out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(statusEventually(http, probe, status -> status == 503)).isEqualTo(503);
            }
            assertThat(statusEventually(http, probe, status -> status == 200)).isEqualTo(200);
        }
    }

    /** Sends the probe until its status passes, for up to 10 s; returns the last status. */
    private static int statusEventually(HttpClient http, HttpRequest probe, IntPredicate wanted)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        int status;
        do {
            status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        } while (!wanted.test(status) && Instant.now().isBefore(deadline));
        return status;
    }
}
