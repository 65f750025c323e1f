package app.tdah.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * Serves the SPA that the ui module puts under {@code web/} on the classpath. Hashed assets are immutable; every other
 * path that is not a file is the SPA's own route and gets {@code index.html}, never cached so a deploy shows at once.
 * The ui build writes a Brotli ({@code .br}) and a gzip ({@code .gz}) copy next to each file worth compressing: a
 * browser that accepts one gets it as it is, with {@code Vary: Accept-Encoding} so caches keep each encoding apart.
 */
public final class SpaRouting {

    private static final String ROOT = "web/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String NO_CACHE = "no-cache";
    private static final String VARY_ENCODING = "Accept-Encoding";
    /** The encodings the build writes, the smallest first, with the suffix of their file. */
    private static final List<Encoding> ENCODINGS = List.of(new Encoding("br", ".br"), new Encoding("gzip", ".gz"));
    /**
     * The compressed files found so far, read once: the bundle is a few hundred kilobytes and never changes while
     * running. Paths without one are looked up again each time, so made-up paths cannot grow it.
     */
    private static final Map<String, byte[]> COMPRESSED = new ConcurrentHashMap<>();

    private SpaRouting() {
    }

    private record Encoding(String token, String suffix) {
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
                .get("/*", SpaRouting::precompressed)
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

    /**
     * Sends the compressed copy of the requested file in the best encoding the browser accepts; otherwise leaves the
     * request to the static content service (which sends the file as it is).
     */
    private static void precompressed(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        String resource = path.equals("/") ? "index.html" : toResource(path.substring(1));
        if (resource.contains("..") || resource.startsWith("/")) {
            res.next();
            return;
        }
        String accepted = req.headers().first(HeaderNames.ACCEPT_ENCODING).orElse("");
        boolean compressible = false;
        for (Encoding encoding : ENCODINGS) {
            Optional<byte[]> compressed = file(resource + encoding.suffix());
            if (compressed.isEmpty()) {
                continue;
            }
            compressible = true;
            if (accepts(accepted, encoding.token())) {
                res.header(HeaderNames.VARY, VARY_ENCODING);
                res.header(HeaderNames.CONTENT_ENCODING, encoding.token());
                res.headers().contentType(MediaTypes.detectType(resource).orElse(MediaTypes.APPLICATION_OCTET_STREAM));
                res.send(compressed.get());
                return;
            }
        }
        if (compressible) {
            res.header(HeaderNames.VARY, VARY_ENCODING);
        }
        res.next();
    }

    /**
     * Whether an Accept-Encoding value accepts {@code token}: named (or {@code *}) without {@code q=0}. Identity is
     * always possible, so a refusal only means the file goes out as it is.
     */
    static boolean accepts(String acceptEncoding, String token) {
        boolean byWildcard = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String name = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.startsWith("q=")) {
                    refused = parameter.matches("q=0(\\.0{0,3})?");
                }
            }
            if (name.equals(token)) {
                return !refused;
            }
            if (name.equals("*")) {
                byWildcard = !refused;
            }
        }
        return byWildcard;
    }

    private static Optional<byte[]> file(String resource) {
        byte[] known = COMPRESSED.get(resource);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = SpaRouting.class.getClassLoader().getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            COMPRESSED.put(resource, bytes);
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
