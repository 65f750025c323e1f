package app.tdah.oidc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import app.tdah.testing.LoopbackSocketServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery survives a keep-alive connection the provider has closed meanwhile: Helidon's client pools connections
 * and only finds out on the read. The providers here keep connections alive until told that the open ones have idled
 * too long; a request that comes on one of those then finds it closed without an answer, as when a provider's idle
 * timeout races the client's reuse.
 */
class OidcDiscoveryTest {

    private final IdlingProviders providers = new IdlingProviders();

    @AfterEach
    void stop() throws IOException {
        providers.close();
    }

    private OidcClient client(IdentityProvider provider) {
        String name = provider.code();
        return new OidcClient(provider, new OidcProviderSettings(name, URI.create(providers.base() + "/" + name),
                name + "-client", "secret"), Clock.systemUTC());
    }

    private static URI start(OidcClient client) {
        return client.authorizationUri("state", "nonce", "challenge", URI.create("https://pa.test/callback"), false);
    }

    @Test
    void aSecondProviderOnAConnectionTheFirstLeftAndTheServerClosedStillSignsIn() {
        assertThat(start(client(IdentityProvider.GOOGLE))).hasPath("/google/authorize");
        providers.idleTimeoutPasses();
        assertThat(start(client(IdentityProvider.MICROSOFT))).hasPath("/microsoft/authorize");
        assertThat(providers.closedUnanswered.get())
                .as("a pooled connection was reused and closed by the server, so the retry is what was tested")
                .isPositive();
    }

    /** Serves discovery documents and keys on loopback, HTTP/1.1 keep-alive. */
    private static final class IdlingProviders implements AutoCloseable {
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private final Set<Socket> idledTooLong = ConcurrentHashMap.newKeySet();
        final AtomicInteger closedUnanswered = new AtomicInteger();
        private final LoopbackSocketServer server = new LoopbackSocketServer("idling-providers", this::serve);

        /** Every connection open now has been idle too long: its next request finds it closed. */
        void idleTimeoutPasses() {
            idledTooLong.addAll(open);
        }

        String base() {
            return "http://127.0.0.1:" + server.port();
        }

        private void serve(Socket connection) {
            open.add(connection);
            try (connection) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
                for (String path = readRequest(in); path != null; path = readRequest(in)) {
                    if (idledTooLong.contains(connection)) {
                        closedUnanswered.incrementAndGet();
                        return;
                    }
                    answer(connection.getOutputStream(), path);
                }
            } catch (IOException e) {
                // the client went away: nothing to serve
            } finally {
                open.remove(connection);
            }
        }

        /** The request line's path, once the headers are read; null at the end of the stream. */
        private static String readRequest(BufferedReader in) throws IOException {
            String requestLine = in.readLine();
            if (requestLine == null) {
                return null;
            }
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                // headers are not needed
            }
            return requestLine.split(" ")[1];
        }

        private void answer(OutputStream out, String path) throws IOException {
            String name = path.substring(1, path.indexOf('/', 1));
            String issuer = base() + "/" + name;
            String body = path.endsWith("/.well-known/openid-configuration")
                    ? """
                      {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                       "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                       "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)
                    : "{\"keys\":[]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
