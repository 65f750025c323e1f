package app.tdah.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import app.tdah.ical.IcalFeedHttpService;
import app.tdah.sms.webhook.SmsWebhookHttpService;

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
    private static final String CALENDAR_FEEDS = IcalFeedHttpService.ROOT + "/";
    private static final System.Logger ACCESS = System.getLogger("app.tdah.access");
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final boolean accessLog;

    public RequestObservation(boolean accessLog) {
        this.accessLog = accessLog;
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
    static String route(String path) {
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
        if (path.equals(SmsWebhookHttpService.PATH)) {
            return SmsWebhookHttpService.PATH;
        }
        if (path.startsWith(CALENDAR_FEEDS)) {
            return CALENDAR_FEEDS + "*";
        }
        return "/*";
    }

    /** The path as the access log shows it: a calendar feed's path is its secret token, so only its route is logged. */
    static String loggedPath(String path) {
        return path.startsWith(CALENDAR_FEEDS) ? route(path) : path;
    }
}
