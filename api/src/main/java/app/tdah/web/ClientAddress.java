package app.tdah.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * The address a request really came from. Behind Nginx every connection comes from the proxy, so rate limits, lockouts,
 * sessions and the audit log would all see one address; when the connection comes from a trusted proxy, the client is
 * the right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy (addresses further left are
 * whatever the client claimed). A request straight from anyone else is taken at its socket's word.
 */
public final class ClientAddress implements Filter {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The resolved address, registered in the request's context. */
    private record Resolved(String ip) {
    }

    /** An address block such as 10.0.0.0/8 or ::1/128. */
    record Block(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trusted;

    /** {@code trustedProxies}: comma-separated addresses or CIDR blocks, e.g. "127.0.0.1/32,::1/128". */
    public ClientAddress(String trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block in pa.proxy.trusted: " + text));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("Bad prefix length in pa.proxy.trusted: " + text);
            }
            blocks.add(new Block(address.getAddress(), prefix));
        }
        this.trusted = List.copyOf(blocks);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        req.context().register(new Resolved(resolve(req.remotePeer().host(), String.join(",", req.headers().values(HeaderNames.X_FORWARDED_FOR)))));
        chain.proceed();
    }

    /** The client's address as resolved by this filter; the socket's peer when the filter did not run. */
    public static String of(ServerRequest req) {
        return req.context().get(Resolved.class).map(Resolved::ip).orElseGet(() -> req.remotePeer().host());
    }

    String resolve(String peer, String forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop).isEmpty()) {
                return peer; // a garbled header: trust nothing in it
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops.getFirst();
    }

    private boolean isTrusted(String ip) {
        return literal(ip).map(address -> trusted.stream().anyMatch(block -> block.contains(address))).orElse(false);
    }

    /** An IP literal, never a name: a name would mean a DNS lookup on every request. */
    private static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
