package app.tdah.accounts;

import java.time.Duration;
import java.time.Instant;

import app.tdah.graphql.GraphQlHttpService;

import io.helidon.http.SetCookie;

/**
 * The refresh-token cookie, set the same way wherever a session starts: a password sign-in through GraphQL, or the
 * return from Google or Microsoft. It goes only to the GraphQL endpoint, never to scripts (httpOnly) or other sites
 * (Strict).
 */
public final class RefreshCookie {

    private static final String PATH = "/graphql";

    private final boolean secure;

    public RefreshCookie(boolean secure) {
        this.secure = secure;
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
        return SetCookie.builder(GraphQlHttpService.REFRESH_COOKIE, value)
                .path(PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.STRICT);
    }
}
