package app.tdah.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the fake Google and Microsoft servers share: a loopback HTTP server, accounts found by their bearer token, a
 * log of every request, scripted failures (status and Retry-After) and a record of cursors answered twice (which
 * would mean one stream was synced twice from the same point).
 */
public abstract class FakeProviderServer implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** A request as it arrived, and the status it was answered with. */
    public record Request(Instant at, String token, String path, Map<String, String> query, int status) {
    }

    /**
     * A scripted answer to the {@code skip + 1}-th next request of the account {@code token} whose path contains
     * {@code pathPart}: {@code status} with Retry-After when not null.
     */
    private record Failure(String token, String pathPart, java.util.concurrent.atomic.AtomicInteger skip, int status,
                           String retryAfter, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Set<String> cursorsAnswered = ConcurrentHashMap.newKeySet();
    private final List<String> cursorsAnsweredTwice = new CopyOnWriteArrayList<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> listingsInFlight = new ConcurrentHashMap<>();
    private final Set<String> listedAtOnce = ConcurrentHashMap.newKeySet();

    protected FakeProviderServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the account's next request whose path contains {@code pathPart} so. */
    public void failNext(String token, String pathPart, int status, String retryAfter) {
        failures.add(new Failure(token, pathPart, new java.util.concurrent.atomic.AtomicInteger(), status, retryAfter,
                "{\"error\":{\"code\":" + status + ",\"message\":\"scripted\",\"status\":\"RESOURCE_EXHAUSTED\"}}"));
    }

    /** Answers the account's {@code n}-th next request whose path contains {@code pathPart} with a body that is not JSON. */
    public void garbleNth(String token, String pathPart, int n) {
        failures.add(new Failure(token, pathPart, new java.util.concurrent.atomic.AtomicInteger(n - 1), 200, null,
                "<html>gateway says hi</html>"));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * Accounts and lists (events, history, a delta) that two requests were reading at the same moment. One sync reads
     * a list page after page, never two at once: this happening means one stream was synced twice at once.
     */
    public Set<String> listedAtOnce() {
        return Set.copyOf(listedAtOnce);
    }

    /** Cursors (sync tokens, history ids, delta tokens) that were answered with 200 more than once. */
    public List<String> cursorsAnsweredTwice() {
        return List.copyOf(cursorsAnsweredTwice);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The answer to a request for the account with {@code token}: a status and a JSON body. */
    protected record Answer(int status, JsonNode body) {
    }

    protected abstract Answer answer(String token, String path, Map<String, String> query, String rawQuery);

    /** The answer to a request that writes ({@code POST}) for the account with {@code token}; none is served by default. */
    protected Answer write(String token, String method, String path, JsonNode body) {
        return error(405, "methodNotAllowed", method + " " + path + " is not served here");
    }

    /** The cursor a request syncs from, if it is the first request of an incremental sync; null otherwise. */
    protected abstract String cursorOf(String path, Map<String, String> query);

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    protected static Answer error(int status, String reason, String message) {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error");
        error.put("code", status).put("message", message).put("status", reason);
        error.putArray("errors").addObject().put("reason", reason).put("message", message);
        return new Answer(status, body);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = query(rawQuery);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
            // Gmail's per-message reads run side by side within one sync; every other request is a list read.
            String listing = path.contains("/messages/") || !exchange.getRequestMethod().equals("GET") ? null : token + " " + path;
            if (listing != null && listingsInFlight.computeIfAbsent(listing, k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet() > 1) {
                listedAtOnce.add(listing);
            }
            try {
                respond(exchange, token, path, query, rawQuery, arrived, requestBody);
            } finally {
                if (listing != null) {
                    listingsInFlight.get(listing).decrementAndGet();
                }
            }
        }
    }

    private void respond(HttpExchange exchange, String token, String path, Map<String, String> query, String rawQuery,
                         Instant arrived, byte[] requestBody) throws IOException {
        Failure failure = nextFailure(token, path);
        int status;
        byte[] body;
        if (failure != null) {
            status = failure.status();
            body = failure.body().getBytes(StandardCharsets.UTF_8);
            if (failure.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
            }
        } else if (token == null) {
            Answer a = error(401, "UNAUTHENTICATED", "Request is missing required authentication credential.");
            status = a.status();
            body = JSON.writeValueAsBytes(a.body());
        } else if (!exchange.getRequestMethod().equals("GET")) {
            JsonNode written = requestBody.length == 0 ? null : JSON.readTree(requestBody);
            Answer a = write(token, exchange.getRequestMethod(), path, written);
            status = a.status();
            body = JSON.writeValueAsBytes(a.body());
        } else {
            Answer a = answer(token, path, query, rawQuery);
            status = a.status();
            body = JSON.writeValueAsBytes(a.body());
            String cursor = status == 200 ? cursorOf(path, query) : null;
            if (cursor != null && !cursorsAnswered.add(token + "|" + path + "|" + cursor)) {
                cursorsAnsweredTwice.add(token + " " + path + " " + cursor);
            }
        }
        requests.add(new Request(arrived, token, path, query, status));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Failure nextFailure(String token, String path) {
        for (Failure f : failures) {
            if (f.token().equals(token) && path.contains(f.pathPart()) && f.skip().getAndDecrement() == 0 && failures.remove(f)) {
                return f;
            }
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.merge(name, value, (a, b) -> a + "," + b);
        }
        return values;
    }

    /** A page of {@code items} from {@code offset}. */
    protected static <T> List<T> slice(List<T> items, int offset, int size) {
        return new ArrayList<>(items.subList(Math.min(offset, items.size()), Math.min(offset + size, items.size())));
    }
}
