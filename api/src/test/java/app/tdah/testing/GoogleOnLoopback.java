package app.tdah.testing;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Google as a server under test reaches it when a person connects their account: the OAuth endpoints
 * ({@link FakeOAuthProvider}) and the Calendar and Gmail APIs ({@link FakeGoogle}) on loopback, with the settings that
 * aim a server at them. The server's port is chosen here, since the OAuth callback must be the address the browser
 * uses.
 */
public final class GoogleOnLoopback implements AutoCloseable {

    private final FakeOAuthProvider oauth = FakeOAuthProvider.start(FakeOAuthProvider.Flavour.GOOGLE);
    private final FakeGoogle api = new FakeGoogle(Clock.systemUTC());
    private final URI site = URI.create("http://localhost:" + TestPorts.free());

    public FakeOAuthProvider oauth() {
        return oauth;
    }

    public FakeGoogle api() {
        return api;
    }

    /** The server's own address, its public URL. */
    public URI site() {
        return site;
    }

    /** The calendar and mailbox of the Google account connected last (by the access token issued last). */
    public FakeGoogle.Account lastConnected() {
        return api.account(oauth.issuedTokens().getLast());
    }

    /** The server's port and public URL, Google's endpoints, and syncs looked for every second. */
    public Map<String, String> serverSettings() {
        Map<String, String> settings = new HashMap<>(Map.of("server.port", Integer.toString(site.getPort()),
                "pa.public.url", site.toString(), "pa.sync.tick.seconds", "1"));
        settings.putAll(oauth.serverSettings("google"));
        settings.put("pa.integrations.google.api.url", api.url());
        return settings;
    }


    @Override
    public void close() {
        oauth.close();
        api.close();
    }
}
