package app.tdah.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * One filter for what every request needs observed: a request id (taken from {@code X-Request-Id} when sane, else
 * made), a latency histogram per route ({@code http_server_requests_seconds{route,method,status}}), and, when
 * enabled, one structured JSON access-log line.
 */
public final class RequestObservation implements Filter {

    public static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final System.Logger ACCESS = System.getLogger("app.tdah.access");
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final boolean accessLog;
    private final List<String> routes;
    private final Set<String> secretRoutes;

    /**
     * @param routes        the paths the features' HTTP services are registered under: each is a route of its own,
     *                      and the paths below it share the route {@code PATH/*}
     * @param secretRoutes  those of them whose paths below carry a secret (a calendar feed's token): the access log
     *                      shows only their route
     */
    public RequestObservation(boolean accessLog, List<String> routes, Set<String> secretRoutes) {
        this.accessLog = accessLog;
        // Longest first, so that /sms/twilio/status is not taken for a path below /sms/twilio.
        this.routes = routes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.secretRoutes = Set.copyOf(secretRoutes);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String requestId = req.headers().first(REQUEST_ID)
                .filter(id -> SANE_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        res.header(REQUEST_ID, requestId);
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - start;
            String path = req.path().absolute().path();
            String route = route(path);
            int status = res.status().code();
            Metrics.getOrCreate(Timer.builder("http.server.requests")
                            .description("Request latency by route")
                            .buckets(BUCKETS)
                            .tags(List.of(Tag.create("route", route), Tag.create("method", req.prologue().method().text()),
                                    Tag.create("status", Integer.toString(status)))))
                    .record(Duration.ofNanos(nanos));
            if (accessLog) {
                ACCESS.log(System.Logger.Level.INFO, AccessLogLine.json(requestId, req.prologue().method().text(),
                        loggedPath(path), status, nanos / 1_000_000.0, ClientAddress.of(req),
                        req.headers().first(HeaderNames.USER_AGENT).orElse("")));
            }
        }
    }

    /** The route template a path belongs to; a bounded set, so metrics do not grow with every URL people try. */
    String route(String path) {
        if (path.equals("/graphql")) {
            return "/graphql";
        }
        if (path.equals("/graphql/schema.graphql")) {
            return "/graphql/schema.graphql";
        }
        if (path.startsWith("/observe/")) {
            int next = path.indexOf('/', "/observe/".length());
            return next < 0 ? path : path.substring(0, next) + "/*";
        }
        if (path.startsWith("/assets/")) {
            return "/assets/*";
        }
        for (String route : routes) {
            if (path.equals(route)) {
                return route;
            }
            if (path.startsWith(route + "/")) {
                return route + "/*";
            }
        }
        return "/*";
    }

    /** The path as the access log shows it: below a secret route (a calendar feed's token) only the route. */
    String loggedPath(String path) {
        return secretRoutes.stream().anyMatch(secret -> path.startsWith(secret + "/")) ? route(path) : path;
    }
}
