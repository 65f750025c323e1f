package app.tdah.web;

import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * Serves the SPA that the ui module puts under {@code web/} on the classpath. Hashed assets are immutable; every other
 * path that is not a file is the SPA's own route and gets {@code index.html}, never cached so a deploy shows at once.
 */
public final class SpaRouting {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String NO_CACHE = "no-cache";

    private SpaRouting() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.get("/assets/*", (req, res) -> {
                    res.header(HeaderNames.CACHE_CONTROL, IMMUTABLE);
                    res.next();
                })
                .get("/*", (req, res) -> {
                    if (!req.path().path().startsWith("/assets/")) {
                        res.header(HeaderNames.CACHE_CONTROL, NO_CACHE);
                    }
                    res.next();
                })
                .register("/", StaticContentService.builder("web")
                        .welcomeFileName("index.html")
                        .pathMapper(SpaRouting::toResource)
                        .build());
    }

    /** Where the server's own endpoints live (GraphQL, health, sign-in redirects, downloads, webhooks, feeds). */
    private static final List<String> SERVER_PREFIXES =
            List.of("/observe", "/graphql", "/assets/", "/auth/", "/oauth/", "/account/", "/sms/", "/ical/");

    /**
     * A path whose last segment has no dot is a client-side route (/today, /settings, /reset-password?token=...):
     * serve the SPA's entry page for it. The server's own endpoints are never the SPA's, so a request there that
     * nothing else answers stays a 404.
     */
    static String toResource(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        if (SERVER_PREFIXES.stream().anyMatch(absolute::startsWith)) {
            return path;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return lastSegment.contains(".") ? path : "index.html";
    }
}
