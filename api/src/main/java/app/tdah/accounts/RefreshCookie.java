package app.tdah.accounts;

import java.time.Duration;
import java.time.Instant;

import app.tdah.web.CookieNames;

import io.helidon.http.SetCookie;

/**
 * The refresh-token cookie, set the same way wherever a session starts: a password sign-in through GraphQL, or the
 * return from Google or Microsoft. Never given to scripts (httpOnly) or sent from other sites (Strict); over https it
 * is {@code __Host-pa_refresh}, which no other host can plant (see {@link CookieNames}). That prefix needs
 * {@code Path=/}, so the browser sends it with every request to this host, where only the GraphQL endpoint reads it.
 */
public final class RefreshCookie {

    private static final String NAME = "pa_refresh";
    private static final String PATH = "/";

    private final boolean secure;

    /** {@code secure}: the site is served over https, and the cookie is Secure and {@code __Host-} prefixed. */
    public RefreshCookie(boolean secure) {
        this.secure = secure;
    }

    /** The cookie's name, as GraphQL requests carry it back. */
    public String name() {
        return CookieNames.hostOnly(NAME, secure);
    }

    /** Carries the session's refresh token until the session's absolute expiry. */
    public SetCookie of(AccountService.Session session) {
        return cookie(session.refreshToken()).maxAge(Duration.between(Instant.now(), session.refreshExpiresAt())).build();
    }

    /** Deletes the cookie in the browser (an expiry in the past; Helidon leaves out a zero Max-Age). */
    public SetCookie expired() {
        return cookie("").expires(Instant.EPOCH).maxAge(Duration.ZERO).build();
    }

    private SetCookie.Builder cookie(String value) {
        return SetCookie.builder(name(), value)
                .path(PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.STRICT);
    }
}
