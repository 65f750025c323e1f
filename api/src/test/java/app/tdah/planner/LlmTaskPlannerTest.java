package app.tdah.planner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import app.tdah.i18n.ProfileLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The language-model planner against a fake OpenAI-compatible server on this machine. */
class LlmTaskPlannerTest {

    private static final String API_KEY = "sk-test-4c8e1f0b-never-log-me";
    private static final String MODEL = "qwen2.5-7b-instruct";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final PlanRequest REQUEST = new PlanRequest("call the dentist about the bill",
            "They charged the cleaning twice.", 45, List.of("health", "admin"), TODAY, TODAY.plusDays(7), ProfileLanguage.EN);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final FakeChatCompletions server = new FakeChatCompletions();
    private final TaskPlanner builtIn = new BuiltInTaskPlanner();
    private final Logger plannerLog = Logger.getLogger(LlmTaskPlanner.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws IOException {
        plannerLog.addHandler(capture);
        plannerLog.setUseParentHandlers(false);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        plannerLog.removeHandler(capture);
        plannerLog.setUseParentHandlers(true);
    }

    private LlmTaskPlanner planner(String apiKey, Duration timeout) {
        return new LlmTaskPlanner(server.baseUrl(), MODEL, apiKey, timeout, builtIn);
    }

    private List<String> logLines() {
        SimpleFormatter formatter = new SimpleFormatter();
        return logged.stream().map(formatter::format).toList();
    }

    /** The built-in steps came back, and one warning that does not give the key away says why. */
    private void assertFellBack(List<PlannedStep> steps, String why) {
        assertThat(steps).isEqualTo(builtIn.breakDown(REQUEST));
        assertThat(logged).singleElement().extracting(LogRecord::getLevel).isEqualTo(Level.WARNING);
        assertThat(logLines()).singleElement().asString().contains(why).doesNotContain(API_KEY);
    }

    private static String completion(String content) {
        ObjectNode completion = JSON.createObjectNode()
                .put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG")
                .put("object", "chat.completion")
                .put("created", 1773138600L)
                .put("model", MODEL)
                .put("system_fingerprint", "fp_3a5b9c");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        completion.putObject("usage").put("prompt_tokens", 212).put("completion_tokens", 71).put("total_tokens", 283);
        return completion.toString();
    }

    private static final String FOUR_STEPS = """
            {"steps": [
              {"title": "Look up the dentist's phone number", "estimateMinutes": 5},
              {"title": "  Find the bill that was charged twice  ", "estimateMinutes": 2},
              {"title": "Call the dentist's office about the double charge", "estimateMinutes": 45},
              {"title": "Note the refund they promise and when", "estimateMinutes": 5}
            ]}""";

    @Test
    void asksForAStrictJsonBreakdownOfTheTask() throws IOException {
        server.answer(200, completion(FOUR_STEPS));

        planner(API_KEY, GENEROUS).breakDown(REQUEST);

        FakeChatCompletions.Received request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer " + API_KEY);
        assertThat(request.contentType()).startsWith("application/json");

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("temperature").asDouble()).isBetween(0.0, 0.3);
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").path(0).path("content").asText()).contains("3 to 6", "5 and 30");
        JsonNode user = body.path("messages").path(1);
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(user.path("content").asText()).contains("call the dentist about the bill",
                "They charged the cleaning twice.", "health, admin", "45 minutes", "2026-03-10", "2026-03-17",
                "Language: English");

        assertThat(body.path("messages").path(0).path("content").asText()).contains("in the person's language");

        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("task_breakdown");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode steps = format.path("json_schema").path("schema").path("properties").path("steps");
        assertThat(steps.path("minItems").asInt()).isEqualTo(3);
        assertThat(steps.path("maxItems").asInt()).isEqualTo(6);
        assertThat(steps.path("items").path("properties").path("title").path("type").asText()).isEqualTo("string");
        assertThat(steps.path("items").path("properties").path("estimateMinutes").path("type").asText())
                .isEqualTo("integer");
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() {
        server.answer(200, completion(FOUR_STEPS));

        planner(null, GENEROUS).breakDown(REQUEST);

        assertThat(server.onlyRequest().authorization()).isNull();
    }

    @Test
    void takesABaseUrlEndingInASlash() {
        server.answer(200, completion(FOUR_STEPS));
        URI withSlash = URI.create(server.baseUrl() + "/");

        new LlmTaskPlanner(withSlash, MODEL, API_KEY, GENEROUS, builtIn).breakDown(REQUEST);

        assertThat(server.onlyRequest().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void returnsTheModelsStepsWithDueDatesSpreadBeforeTheDue() {
        server.answer(200, completion(FOUR_STEPS));

        List<PlannedStep> steps = planner(API_KEY, GENEROUS).breakDown(REQUEST);

        assertThat(steps).containsExactly(
                new PlannedStep("Look up the dentist's phone number", 5, TODAY),
                new PlannedStep("Find the bill that was charged twice", 5, TODAY.plusDays(2)),
                new PlannedStep("Call the dentist's office about the double charge", 30, TODAY.plusDays(4)),
                new PlannedStep("Note the refund they promise and when", 5, TODAY.plusDays(6)));
        assertThat(steps).extracting(PlannedStep::due)
                .isEqualTo(DueDateSpreader.spread(4, REQUEST.today(), REQUEST.due()));
        assertThat(logged).isEmpty();
    }

    static Stream<Arguments> unusableAnswers() {
        String threeSteps = """
                {"steps": [{"title": "Find the number", "estimateMinutes": 5}, %s,
                           {"title": "Call", "estimateMinutes": 10}]}""";
        return Stream.of(
                Arguments.of("a server error", 500,
                        "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}", "HTTP 500"),
                Arguments.of("a rate limit", 429,
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}", "HTTP 429"),
                Arguments.of("a refused key, quoted back", 401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}", "HTTP 401"),
                Arguments.of("a body that is not JSON", 200, "<html><body>502 Bad Gateway</body></html>",
                        "malformed JSON"),
                Arguments.of("malformed JSON in the content", 200,
                        completion("{\"steps\": [{\"title\": \"Find the number\", \"estimateMin"), "malformed JSON"),
                Arguments.of("prose in the content", 200,
                        completion("Sure! 1. Find the number 2. Call"), "malformed JSON"),
                Arguments.of("only 2 steps", 200, completion("""
                        {"steps": [{"title": "Find the number", "estimateMinutes": 5},
                                   {"title": "Call", "estimateMinutes": 10}]}"""), "2 steps"),
                Arguments.of("7 steps", 200, completion("{\"steps\": ["
                        + String.join(",", Collections.nCopies(7,
                                "{\"title\": \"Do a bit\", \"estimateMinutes\": 5}")) + "]}"), "7 steps"),
                Arguments.of("a blank title", 200,
                        completion(threeSteps.formatted("{\"title\": \"  \", \"estimateMinutes\": 5}")), "step 2"),
                Arguments.of("a title over 120 characters", 200, completion(threeSteps.formatted(
                        "{\"title\": \"" + "Write ".repeat(25) + "\", \"estimateMinutes\": 5}")), "step 2"),
                Arguments.of("an estimate that is not a number", 200,
                        completion(threeSteps.formatted("{\"title\": \"Write\", \"estimateMinutes\": \"ten\"}")),
                        "step 2"),
                Arguments.of("no choices", 200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}",
                        "no message content"),
                Arguments.of("a refusal", 200, completion(null), "no message content"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableAnswers")
    void fallsBackOnAnUnusableAnswer(String answer, int status, String body, String why) {
        server.answer(status, body);

        assertFellBack(planner(API_KEY, GENEROUS).breakDown(REQUEST), why);
    }

    @Test
    void fallsBackWhenTheModelIsSlowerThanTheTimeout() {
        server.answerOnlyAfterTheTest();

        List<PlannedStep> steps = planner(API_KEY, Duration.ofMillis(300)).breakDown(REQUEST);

        assertFellBack(steps, "no answer within 300 ms");
    }

    @Test
    void fallsBackWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/v1");

        List<PlannedStep> steps = new LlmTaskPlanner(nowhere, MODEL, API_KEY, GENEROUS, builtIn).breakDown(REQUEST);

        assertFellBack(steps, "cannot connect");
    }

    /** Answers POST /v1/chat/completions like an OpenAI-compatible server, and remembers what it was sent. */
    private static final class FakeChatCompletions {

        record Received(String method, String path, String authorization, String contentType, String body) {
        }

        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final CountDownLatch testOver = new CountDownLatch(1);
        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private HttpServer server;
        private volatile int status = 200;
        private volatile String body = "";
        private volatile boolean stalling;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/chat/completions", this::handle);
            server.setExecutor(handlers);
            server.start();
        }

        void stop() {
            testOver.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        }

        void answer(int status, String body) {
            this.status = status;
            this.body = body;
        }

        void answerOnlyAfterTheTest() {
            stalling = true;
        }

        Received onlyRequest() {
            assertThat(received).hasSize(1);
            return received.getFirst();
        }

        private void handle(HttpExchange exchange) throws IOException {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), UTF_8)));
            if (stalling) {
                try {
                    testOver.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
