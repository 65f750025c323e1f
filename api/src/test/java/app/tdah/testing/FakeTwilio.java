package app.tdah.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Twilio's Messages API speaking its wire format: {@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, HTTP basic auth with the account SID and auth token; a created message is a 201 with Twilio's JSON,
 * a refusal Twilio's error JSON ({@code code}, {@code message}, {@code more_info}, {@code status}). It records every
 * request, and answers them as scripted: accept (the default), fail with a status and an error code, or hang.
 */
public final class FakeTwilio implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "fake-auth-token-0123456789abcdef";
    public static final String FROM = "+15005550006";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** A hung request is held at most this long (or until the fake closes), so nothing waits forever. */
    private static final Duration LONGEST_HANG = Duration.ofSeconds(30);

    /** How the fake answers the next request. */
    public sealed interface Answer permits Accept, AcceptAfter, Refuse, Hang {
    }

    public record Accept() implements Answer {
    }

    /**
     * Accepts, but first runs {@code beforeAnswering} with the new message's SID: what Twilio does when its status
     * callback reaches the product before its answer to the send does.
     */
    public record AcceptAfter(Consumer<String> beforeAnswering) implements Answer {
    }

    /** Twilio's error answer: HTTP {@code status} with the error {@code code}. */
    public record Refuse(int status, int code, String message) implements Answer {
    }

    /** Reads the request and never answers. */
    public record Hang() implements Answer {
    }

    /** A request as it arrived; {@code sid} is the MessageSid the fake answered with, null when it refused or hung. */
    public record Received(String accountSid, String authorization, Map<String, String> form, Instant at, String sid) {
        public String to() {
            return form.get("To");
        }

        public String body() {
            return form.get("Body");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private FakeTwilio(HttpServer server) {
        this.server = server;
    }

    public static FakeTwilio start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeTwilio fake = new FakeTwilio(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The server settings that point the product at this fake. */
    public Map<String, String> settings() {
        return Map.of("pa.twilio.account.sid", ACCOUNT_SID, "pa.twilio.auth.token", AUTH_TOKEN, "pa.twilio.from", FROM,
                "pa.twilio.api.url", url());
    }

    /** The next requests are answered so, in order; once the script is used up, requests are accepted. */
    public void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String to) {
        return received.stream().filter(r -> to.equals(r.to())).toList();
    }

    /** Waits until {@code count} requests to this number have arrived; fails after {@code timeout}. */
    public List<Received> awaitFor(String to, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (receivedFor(to).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Twilio got " + receivedFor(to).size() + " of " + count + " requests for " + to
                        + " within " + timeout);
            }
            Thread.sleep(20); // polling a condition with a deadline
        }
        return receivedFor(to);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = MESSAGES.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                send(exchange, 404, error(20404, "The requested resource " + exchange.getRequestURI().getPath() + " was not found", 404));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization) || !ACCOUNT_SID.equals(path.group(1))) {
                send(exchange, 401, error(20003, "Authenticate", 401));
                return;
            }
            Map<String, String> form = form(exchange.getRequestBody());
            Answer answer = script.poll();
            if (answer == null) {
                answer = new Accept();
            }
            String sid = answer instanceof Accept || answer instanceof AcceptAfter
                    ? "SM" + UUID.randomUUID().toString().replace("-", "") : null;
            received.add(new Received(path.group(1), authorization, form, Instant.now(), sid));
            switch (answer) {
                case Accept accept -> send(exchange, 201, message(sid, form));
                case AcceptAfter after -> {
                    after.beforeAnswering().accept(sid);
                    send(exchange, 201, message(sid, form));
                }
                case Refuse refuse -> send(exchange, refuse.status(), error(refuse.code(), refuse.message(), refuse.status()));
                case Hang hang -> hang();
            }
        }
    }

    private void hang() {
        try {
            closing.await(LONGEST_HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> message(String sid, Map<String, String> form) {
        String now = RFC_2822.format(Instant.now().atOffset(ZoneOffset.UTC));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", ACCOUNT_SID);
        message.put("api_version", "2010-04-01");
        message.put("body", form.get("Body"));
        message.put("date_created", now);
        message.put("date_sent", null);
        message.put("date_updated", now);
        message.put("direction", "outbound-api");
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("from", form.get("From"));
        message.put("messaging_service_sid", form.get("MessagingServiceSid"));
        message.put("num_media", "0");
        message.put("num_segments", "1");
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("sid", sid);
        message.put("status", "queued");
        message.put("subresource_uris", Map.of("media", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + "/Media.json"));
        message.put("to", form.get("To"));
        message.put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json");
        return message;
    }

    private static Map<String, Object> error(int code, String message, int status) {
        return Map.of("code", code, "message", message, "more_info", "https://www.twilio.com/docs/errors/" + code, "status", status);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            form.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** Every request so far, for failure messages. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        received.forEach(r -> lines.add(r.to() + " " + (r.sid() == null ? "(refused)" : r.sid())));
        return "FakeTwilio" + lines;
    }
}
