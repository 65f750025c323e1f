package app.tdah.ical;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /ical/{token}.ics} (and HEAD): the calendar a subscribed app polls. Whatever cannot be served gets the same 404, so
 * the answer never tells whether a token ever existed.
 */
public final class IcalFeedHttpService implements HttpService {

    public static final String ROOT = "/ical";
    private static final String SUFFIX = ".ics";
    private static final String NOT_FOUND = "No calendar feed at this address. Copy the current address from your settings.";

    private final IcalFeedService feeds;

    public IcalFeedHttpService(IcalFeedService feeds) {
        this.feeds = feeds;
    }

    static String feedPath(String token) {
        return ROOT + "/" + token + SUFFIX;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{file}", this::feed)
                .head("/{file}", this::feed)
                .any(IcalFeedHttpService::notFound);
    }

    private void feed(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        Optional<String> calendar = file.endsWith(SUFFIX)
                ? feeds.calendar(file.substring(0, file.length() - SUFFIX.length()))
                : Optional.empty();
        if (calendar.isEmpty()) {
            notFound(req, res);
            return;
        }
        // Calendar apps poll; five minutes of caching spares the database and keeps edits near enough to live.
        res.header(HeaderNames.CONTENT_TYPE, "text/calendar; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "private, max-age=300")
                .send(calendar.get().getBytes(StandardCharsets.UTF_8));
    }

    private static void notFound(ServerRequest req, ServerResponse res) {
        res.status(Status.NOT_FOUND_404)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(NOT_FOUND.getBytes(StandardCharsets.UTF_8));
    }
}
