package app.tdah.sms;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import app.tdah.testing.FakeTwilio;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;
import app.tdah.testing.TwilioWebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Questions by text answered by a language model calling the assistant's tools, against a fake OpenAI-compatible
 * server on this machine; and the default 500 ms budget, past which the answer goes through the SMS outbox.
 */
class SmsLlmAssistantTest {

    private static final String AUTH_TOKEN = FakeTwilio.AUTH_TOKEN;
    private static final String PUBLIC_URL = "https://assistant.example.org";
    private static final String MODEL = "qwen2.5-7b-instruct";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T08:00:00Z"));
    private static final AtomicInteger numbers = new AtomicInteger();

    private static final FakeChatCompletions llm = FakeChatCompletions.start();
    private static final FakeTwilio twilioApi = FakeTwilio.start();

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(settings(), clock);

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(twilioApi.settings());
        settings.put("pa.public.url", PUBLIC_URL);
        settings.put("pa.llm.base.url", llm.baseUrl());
        settings.put("pa.llm.model", MODEL);
        settings.put("pa.llm.timeout.seconds", "2");
        return settings;
    }

    private static TwilioWebhook twilio;
    private static TestSql sql;

    @BeforeAll
    static void connect() {
        twilio = new TwilioWebhook(server.baseUrl(), PUBLIC_URL, AUTH_TOKEN);
        sql = TestSql.connect(server.jdbcUrl());
    }

    @AfterEach
    void releaseTheModel() {
        llm.reset();
    }

    @AfterAll
    static void stop() {
        sql.close();
        llm.stop();
        twilioApi.close();
    }

    private record Person(UUID id, String phone) {
    }

    private static Person personWithRole(String role) {
        UUID id = sql.userId(TestAccounts.signUpWithRole(server, PARIS.getId(), role).email());
        String phone = "+3361299" + String.format("%04d", numbers.incrementAndGet());
        sql.update("INSERT INTO phones (user_id, e164, verified_at) VALUES (?, ?, now())", id, phone);
        return new Person(id, phone);
    }

    /** Texts and returns the reply as recorded, whether it went back in the TwiML or through the outbox. */
    private static String ask(Person person, String body) {
        String sid = TwilioWebhook.newMessageSid();
        HttpResponse<String> response = twilio.text(sid, person.phone(), body);
        assertThat(response.statusCode()).isEqualTo(200);
        String reply = replyTo(sid);
        String inTwiml = TwilioWebhook.message(response);
        assertThat(inTwiml).isIn("", reply);
        return reply;
    }

    private static String replyTo(String messageSid) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            String reply = sql.value(String.class, "SELECT o.body FROM sms_messages o JOIN sms_messages i ON o.in_reply_to = i.id "
                    + "WHERE i.twilio_sid = ? AND o.direction = 'OUTBOUND'", messageSid);
            if (reply != null) {
                return reply;
            }
            assertThat(Instant.now()).as("a reply to " + messageSid + " within 20 s").isBefore(deadline);
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aQuestionIsAnsweredByTheModelThroughTheTasksTools() throws Exception {
        Person ada = personWithRole("premium");
        llm.script(toolCall("call_Qx1", "create_task", "{\"text\": \"call the dentist tomorrow 10am\"}"),
                answer("Done \u2013 I\u2019ve added \u201Ccall the dentist\u201D for tomorrow at 10:00."));

        String reply = ask(ada, "can you add call the dentist tomorrow 10am?");

        assertThat(reply).isEqualTo("Done - I've added \"call the dentist\" for tomorrow at 10:00.");
        OffsetDateTime due = sql.value(OffsetDateTime.class, "SELECT due_at FROM tasks WHERE user_id = ? AND title = 'call the dentist'", ada.id());
        assertThat(due.atZoneSameInstant(PARIS).toLocalDateTime())
                .isEqualTo(LocalDateTime.ofInstant(clock.instant(), PARIS).toLocalDate().plusDays(1).atTime(10, 0));

        assertThat(llm.requests()).hasSize(2);
        JsonNode first = llm.requests().getFirst();
        assertThat(first.path("model").asText()).isEqualTo(MODEL);
        assertThat(first.path("tool_choice").asText()).isEqualTo("auto");
        List<String> tools = new ArrayList<>();
        first.path("tools").forEach(tool -> tools.add(tool.path("function").path("name").asText()));
        assertThat(tools).containsExactly("create_task", "list_tasks", "complete_task", "snooze_task", "agenda");
        assertThat(first.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(first.path("messages").path(0).path("content").asText()).contains("Europe/Paris", "2026-03-10 09:00");
        assertThat(first.path("messages").path(1).path("content").asText()).isEqualTo("can you add call the dentist tomorrow 10am?");
        JsonNode second = llm.requests().get(1).path("messages");
        assertThat(second.path(2).path("role").asText()).isEqualTo("assistant");
        assertThat(second.path(2).path("tool_calls").path(0).path("id").asText()).isEqualTo("call_Qx1");
        assertThat(second.path(3).path("role").asText()).isEqualTo("tool");
        assertThat(second.path(3).path("tool_call_id").asText()).isEqualTo("call_Qx1");
        JsonNode created = JSON.readTree(second.path(3).path("content").asText()).path("created");
        assertThat(created.path("title").asText()).isEqualTo("call the dentist");
        assertThat(created.path("due").asText()).endsWith("T10:00");

        // What the model did is undoable like any command.
        assertThat(ask(ada, "undo")).isEqualTo("Undone: removed call the dentist.");
        assertThat(sql.value(Long.class, "SELECT count(*) FROM tasks WHERE user_id = ?", ada.id())).isZero();
    }

    @Test
    void aModelStillCallingToolsAfterFourStepsGetsAPlainReply() {
        Person ada = personWithRole("premium");
        llm.script(toolCall("call_1", "list_tasks", "{\"which\": \"today\"}"));

        String reply = ask(ada, "what should I do first?");

        assertThat(reply).isEqualTo("Sorry, I could not answer that just now. Text HELP for commands.");
        assertThat(llm.requests()).hasSize(4);
    }

    @Test
    void aSlowModelTimesOutAndThePlainReplyGoesThroughTheOutbox() throws Exception {
        Person ada = personWithRole("premium");
        llm.script(toolCall("call_1", "create_task", "{\"text\": \"water the ferns\"}"));
        llm.stallAfter(1);
        String sid = TwilioWebhook.newMessageSid();

        HttpResponse<String> response = twilio.text(sid, ada.phone(), "when should I water the ferns?");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TwilioWebhook.message(response)).as("no answer within the 500 ms budget").isEmpty();
        String fallback = "Sorry, I could not answer that just now. So far I added water the ferns. Text HELP for commands.";
        assertThat(replyTo(sid)).isEqualTo(fallback);
        assertThat(sql.value(String.class, "SELECT o.kind || ' ' || o.user_id FROM sms_messages o "
                + "JOIN sms_messages i ON o.in_reply_to = i.id WHERE i.twilio_sid = ? AND o.status <> 'TWIML'", sid))
                .isEqualTo("REPLY " + ada.id());
        // The send-sms job takes it from the outbox to Twilio.
        assertThat(twilioApi.awaitFor(ada.phone(), 1, Duration.ofSeconds(20))).singleElement()
                .extracting(FakeTwilio.Received::body).isEqualTo(fallback);
        assertThat(sql.value(Long.class, "SELECT count(*) FROM tasks WHERE user_id = ? AND title = 'water the ferns'", ada.id()))
                .isEqualTo(1);
    }

    @Test
    void peopleWithoutTheLlmPermissionGetTheGrammarOnly() {
        Person bob = personWithRole("user");
        Person ada = personWithRole("premium");
        llm.script(answer("unused"));

        assertThat(ask(bob, "what is due this week?")).startsWith("I can't answer questions here.");
        assertThat(ask(ada, "buy bread tomorrow")).isEqualTo("Added: buy bread, due tomorrow. UNDO to remove it.");

        assertThat(llm.requests()).isEmpty();
    }

    private static String toolCall(String id, String name, String arguments) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        message.putArray("tool_calls").addObject().put("id", id).put("type", "function")
                .putObject("function").put("name", name).put("arguments", arguments);
        return completion(message, "tool_calls");
    }

    private static String answer(String content) {
        return completion(JSON.createObjectNode().put("role", "assistant").put("content", content), "stop");
    }

    private static String completion(ObjectNode message, String finishReason) {
        ObjectNode completion = JSON.createObjectNode()
                .put("id", "chatcmpl-" + UUID.randomUUID())
                .put("object", "chat.completion")
                .put("created", 1773129600L)
                .put("model", MODEL);
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        completion.putObject("usage").put("prompt_tokens", 412).put("completion_tokens", 38).put("total_tokens", 450);
        return completion.toString();
    }

    /**
     * Answers POST /v1/chat/completions from a script (the last answer repeats), remembers each request, and can hang
     * from a given request on until the test ends.
     */
    private static final class FakeChatCompletions {

        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private final HttpServer server;
        private volatile List<String> answers = List.of();
        private volatile int stallFrom = Integer.MAX_VALUE;
        private volatile CountDownLatch testOver = new CountDownLatch(1);

        private FakeChatCompletions(HttpServer server) {
            this.server = server;
        }

        static FakeChatCompletions start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                FakeChatCompletions fake = new FakeChatCompletions(server);
                server.createContext("/v1/chat/completions", fake::handle);
                server.setExecutor(fake.handlers);
                server.start();
                return fake;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        void script(String... answers) {
            this.answers = List.of(answers);
        }

        /** Requests after the first {@code answered} ones get no answer until the test ends. */
        void stallAfter(int answered) {
            stallFrom = answered;
        }

        List<JsonNode> requests() {
            return received;
        }

        void reset() {
            testOver.countDown();
            testOver = new CountDownLatch(1);
            received.clear();
            answers = List.of();
            stallFrom = Integer.MAX_VALUE;
        }

        void stop() {
            testOver.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            int index;
            synchronized (this) {
                received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                index = received.size() - 1;
            }
            if (index >= stallFrom) {
                try {
                    testOver.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            List<String> script = answers;
            byte[] body = script.isEmpty() ? "{}".getBytes(UTF_8) : script.get(Math.min(index, script.size() - 1)).getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
