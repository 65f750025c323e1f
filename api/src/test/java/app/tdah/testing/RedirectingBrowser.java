package app.tdah.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A browser as far as full-page navigations go: it follows redirects one by one and keeps the cookies each site sets
 * (by name, sent back to that host on paths under the cookie's path; a cookie set empty is deleted), and submits a
 * form when asked. Enough to walk an OAuth round trip between this server and an identity provider.
 */
public final class RedirectingBrowser {

    private static final int MAX_HOPS = 10;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Map<String, Cookie>> cookiesByHost = new LinkedHashMap<>();

    private record Cookie(String value, String path) {
    }

    /** Every response on the way, and where the browser was sent last without going there. */
    public record Walk(List<HttpResponse<String>> responses, URI stoppedAt) {
        /** The Set-Cookie headers of the responses of the given path. */
        public List<String> setCookiesFrom(String pathPrefix) {
            return responses.stream().filter(r -> r.uri().getPath().startsWith(pathPrefix))
                    .flatMap(r -> r.headers().allValues("set-cookie").stream()).toList();
        }
    }

    /** Follows redirects from {@code url} until one points where {@code stopAt} says, or a page answers without one. */
    public Walk walk(URI url, Predicate<URI> stopAt) {
        return follow(url, stopAt, null);
    }

    /** Submits a form (a POST of its fields) to {@code url}, then follows redirects as {@link #walk} does. */
    public Walk submit(URI url, Map<String, String> fields, Predicate<URI> stopAt) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElse("");
        return follow(url, stopAt, body);
    }

    private Walk follow(URI url, Predicate<URI> stopAt, String firstFormBody) {
        List<HttpResponse<String>> responses = new ArrayList<>();
        URI next = url;
        String formBody = firstFormBody;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpResponse<String> response = send(next, formBody);
            formBody = null;
            responses.add(response);
            Optional<String> location = response.headers().firstValue("location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Walk(responses, next);
            }
            next = next.resolve(location.get());
            if (stopAt.test(next)) {
                return new Walk(responses, next);
            }
        }
        throw new IllegalStateException("More than " + MAX_HOPS + " redirects from " + url);
    }

    /** Keeps a cookie a page's script got from {@code site} (a fetch response's Set-Cookie header), as the browser does. */
    public void receive(URI site, String setCookieHeader) {
        keep(site, setCookieHeader);
    }

    /** The value of a cookie this browser holds for the site (scheme, host and port of the URI), if any. */
    public Optional<String> cookie(URI site, String name) {
        return Optional.ofNullable(cookiesByHost.getOrDefault(site.getHost() + ":" + site.getPort(), Map.of()).get(name))
                .map(Cookie::value);
    }

    private HttpResponse<String> send(URI url, String formBody) {
        HttpRequest.Builder request = formBody == null ? HttpRequest.newBuilder(url).GET()
                : HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formBody));
        String cookies = cookiesByHost.getOrDefault(url.getHost() + ":" + url.getPort(), Map.of()).entrySet().stream()
                .filter(e -> url.getPath().startsWith(e.getValue().path()))
                .map(e -> e.getKey() + "=" + e.getValue().value())
                .reduce((a, b) -> a + "; " + b).orElse("");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("set-cookie").forEach(header -> keep(url, header));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(URI url, String header) {
        String[] parts = header.split(";");
        int equals = parts[0].indexOf('=');
        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        String path = "/";
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            if (attribute.regionMatches(true, 0, "Path=", 0, 5)) {
                path = attribute.substring(5);
            }
        }
        Map<String, Cookie> jar = cookiesByHost.computeIfAbsent(url.getHost() + ":" + url.getPort(), h -> new LinkedHashMap<>());
        if (value.isEmpty()) {
            jar.remove(name);
        } else {
            jar.put(name, new Cookie(value, path));
        }
    }
}
