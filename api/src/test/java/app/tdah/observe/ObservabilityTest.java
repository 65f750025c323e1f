package app.tdah.observe;

import java.net.http.HttpResponse;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();
    private static GraphQlClient client;

    @BeforeAll
    static void start() {
        client = new GraphQlClient(server.baseUrl());
    }

    @Test
    void readinessReportsDatabaseRedisAndScheduler() throws Exception {
        HttpResponse<String> ready = client.get("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode checks = new ObjectMapper().readTree(ready.body()).path("checks");
        assertThat(checks).extracting(c -> c.path("name").asText() + "=" + c.path("status").asText())
                .contains("database=UP", "redis=UP", "scheduler=UP");
        assertThat(client.get("/observe/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsArePrometheusTextWithRouteHistogramsAndOperationCounts() {
        client.execute("query Me { me { email } }");
        client.execute("query Me { me { email } }");
        HttpResponse<String> metrics = client.get("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"/graphql\"[^}]*le=\"0\\.005\"")
                .containsPattern("graphql_operations_total\\{operation=\"Me\",[^}]*type=\"query\",\\} \\d+\\.0");
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneOneIsKept() {
        assertThat(client.get("/observe/health").headers().firstValue("x-request-id")).isPresent();
        HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/observe/health")).header("X-Request-Id", "abc-123").build());
        assertThat(response.headers().firstValue("x-request-id")).contains("abc-123");
    }
}
