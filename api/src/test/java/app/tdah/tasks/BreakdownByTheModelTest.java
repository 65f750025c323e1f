package app.tdah.tasks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * breakDownTask asks the language model only for people whose role permits it (ASSISTANT_LLM), a few times an hour
 * each; everyone else, and anyone past that, gets the built-in planner's steps.
 */
class BreakdownByTheModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_STEPS = """
            {"steps": [{"title": "Model step one", "estimateMinutes": 5},
                       {"title": "Model step two", "estimateMinutes": 10},
                       {"title": "Model step three", "estimateMinutes": 15}]}""";
    private static final Model model = Model.start();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(Map.of(
            "pa.llm.base.url", model.baseUrl(), "pa.llm.timeout.seconds", "5", "pa.llm.breakdowns.per.hour", "2"));

    @BeforeEach
    void forgetRequests() {
        model.requests.set(0);
    }

    @AfterAll
    static void stopTheModel() {
        model.server.stop(0);
    }

    @Test
    void aPersonWithoutTheModelPermissionGetsTheBuiltInStepsAndTheModelIsNotAsked() {
        GraphQlClient person = TestAccounts.signUpWithRole(server, "UTC", "user").client();

        List<String> steps = breakDown(person, "clean the garage");

        assertThat(steps).hasSizeBetween(3, 6).noneMatch(title -> title.startsWith("Model step"));
        assertThat(model.requests.get()).isZero();
    }

    @Test
    void aPersonWithThePermissionGetsTheModelsStepsUpToTheHourlyLimitThenTheBuiltInOnes() {
        GraphQlClient person = TestAccounts.signUpWithRole(server, "UTC", "premium").client();

        assertThat(breakDown(person, "clean the garage")).containsExactly("Model step one", "Model step two", "Model step three");
        assertThat(breakDown(person, "file the taxes")).startsWith("Model step one");
        List<String> third = breakDown(person, "plan the holidays");

        assertThat(third).as("past the limit, still broken down").hasSizeBetween(3, 6)
                .noneMatch(title -> title.startsWith("Model step"));
        assertThat(model.requests.get()).isEqualTo(2);
    }

    private static List<String> breakDown(GraphQlClient client, String title) {
        String id = client.execute(TasksApiTest.CAPTURE, Map.of("i", Map.of("text", title)))
                .data("captureTask").path("task").path("id").asText();
        JsonNode payload = client.execute("mutation B($i: BreakDownTaskInput!) { breakDownTask(input: $i) { task { "
                + "subtasks { title } } userErrors { code } } }", Map.of("i", Map.of("id", id))).data("breakDownTask");
        assertThat(payload.path("userErrors")).isEmpty();
        return payload.path("task").path("subtasks").valueStream().map(step -> step.path("title").asText()).toList();
    }

    /** An OpenAI-compatible endpoint that always answers the same three steps, and counts what it was asked. */
    private record Model(HttpServer server, AtomicInteger requests) {

        static Model start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                Model model = new Model(server, new AtomicInteger());
                server.createContext("/v1/chat/completions", model::answer);
                server.start();
                return model;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        private void answer(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            var completion = JSON.createObjectNode().put("object", "chat.completion");
            completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", MODEL_STEPS);
            byte[] bytes = completion.toString().getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
