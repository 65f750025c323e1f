package app.tdah.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;

/**
 * Ties a round trip through a provider (OAuth, OpenID Connect) to the browser that started it: a random value kept
 * with the flow on the server and in a short-lived cookie of that browser, compared (with
 * {@link app.tdah.platform.BearerSecrets#matches}) when the provider sends the browser back. A callback URL planted in someone else's browser (login or connect CSRF) arrives without the cookie and is
 * refused. The cookie is httpOnly, limited to the flow's paths, and SameSite=Lax: the provider's redirect back is a
 * cross-site navigation, which Strict would strip it from. Over https it is Secure and {@code __Secure-} prefixed.
 */
public final class BrowserBinding {

    private final String cookieName;
    private final String path;
    private final boolean secure;
    private final Duration lifetime;

    /** {@code cookieName} without its prefix; {@code secure}: the site is served over https. */
    public BrowserBinding(String cookieName, String path, boolean secure, Duration lifetime) {
        this.cookieName = CookieNames.secureOnly(cookieName, secure);
        this.path = path;
        this.secure = secure;
        this.lifetime = lifetime;
    }

    /** The cookie that gives the browser {@code value} for the flow's lifetime. */
    public SetCookie cookie(String value) {
        return builder(value).maxAge(lifetime).build();
    }

    /** The cookie that takes it back: it has done its work whatever the callback's outcome. */
    public SetCookie cleared() {
        return builder("").expires(Instant.EPOCH).maxAge(Duration.ZERO).build();
    }

    /** The value the browser sent with this request, if any. */
    public Optional<String> presented(ServerRequest req) {
        return req.headers().cookies().first(cookieName).asOptional();
    }

    private SetCookie.Builder builder(String value) {
        return SetCookie.builder(cookieName, value)
                .path(path)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.LAX);
    }
}
