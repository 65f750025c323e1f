package app.tdah.graphql;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphQL over HTTP: what malformed, unknown or abusive requests get back. */
class GraphQlHttpTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();
    private static GraphQlClient client;

    @BeforeAll
    static void start() {
        client = new GraphQlClient(server.baseUrl());
    }

    @Test
    void malformedJsonIs400WithTheReason() {
        GraphQlClient.Response response = client.post("{\"query\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("message").asText()).startsWith("Malformed JSON");
    }

    @Test
    void aBodyWithoutAQueryIs400() {
        GraphQlClient.Response response = client.post("{\"operationName\": \"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("message").asText()).contains("\"query\"");
    }

    @Test
    void aNonJsonContentTypeIs415() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query={me{email}}")).build());
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void anUnknownFieldIsAValidationError() {
        GraphQlClient.Response response = client.execute("{ me { email favouriteColour } }");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("errors").get(0).path("extensions").path("classification").asText())
                .isEqualTo("ValidationError");
        assertThat(response.body().path("errors").get(0).path("message").asText()).contains("favouriteColour");
    }

    @Test
    void getServesQueriesButRefusesMutations() {
        HttpResponse<String> query = client.get("/graphql?query=" + encode("{ apiVersion }"));
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(query.body()).contains("\"apiVersion\":\"1\"");

        HttpResponse<String> mutation = client.get("/graphql?query=" + encode("mutation { logout { userErrors { code } } }"));
        assertThat(mutation.statusCode()).isEqualTo(405);
        assertThat(mutation.headers().firstValue("allow")).contains("POST");
    }

    @Test
    void tooDeepAQueryIsRefusedBeforeExecution() {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }" + " }".repeat(12) + " } } } }";
        GraphQlClient.Response response = client.execute(deep);
        assertThat(response.body().path("errors").get(0).path("message").asText()).containsIgnoringCase("depth");
        assertThat(response.body().path("data").isMissingNode() || response.body().path("data").isNull()).isTrue();
    }

    @Test
    void introspectionIsOpenToAnonymousCallersWithinTheLimits() {
        GraphQlClient.Response response = client.execute("{ __schema { mutationType { fields { name } } } }");
        assertThat(response.body().path("errors").isMissingNode()).isTrue();
        assertThat(response.body().path("data").path("__schema").path("mutationType").path("fields").findValuesAsText("name"))
                .contains("register", "login");
    }

    @Test
    void theSchemaIsServedAsText() {
        HttpResponse<String> schema = client.get("/graphql/schema.graphql");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("type User").contains("register(input: RegisterInput!): RegisterPayload!");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
