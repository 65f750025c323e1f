package app.tdah.identity;

import app.tdah.web.ClientAddress;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Where a request came from, kept with sessions and security events. */
public record ClientInfo(String ip, String userAgent) {

    /** For work no request started, such as a background job. */
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    private static final int MAX_USER_AGENT = 512;

    public static ClientInfo of(ServerRequest req) {
        String userAgent = req.headers().first(HeaderNames.USER_AGENT)
                .map(ua -> ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua).orElse(null);
        return new ClientInfo(ClientAddress.of(req), userAgent);
    }
}
