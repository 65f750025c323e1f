package app.tdah.sms;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.identity.ClientInfo;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * What Twilio's requests to us (an incoming text, a delivery report) go through before their handler reads a
 * parameter: the body must be {@code application/x-www-form-urlencoded} (else 415) and well formed (else 400), and
 * signed with the account's auth token over this server's public URL (else 403, recorded as a security event).
 */
public final class TwilioRequestFilter {

    /** Handles a request the filter let through, given its form parameters. */
    @FunctionalInterface
    public interface SignedHandler {

        void handle(ServerRequest req, ServerResponse res, Map<String, String> form);
    }

    private static final HeaderName SIGNATURE = HeaderNames.create("X-Twilio-Signature");

    private final TwilioSignature signature;
    private final AuditLog audit;

    public TwilioRequestFilter(TwilioSignature signature, AuditLog audit) {
        this.signature = signature;
        this.audit = audit;
    }

    /** {@code handler} behind the checks; a request not signed by Twilio is audited as {@code refused} on {@code path}. */
    public Handler signed(String path, AuditAction refused, SignedHandler handler) {
        return (req, res) -> {
            if (!isForm(req)) {
                plain(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Twilio posts application/x-www-form-urlencoded.");
                return;
            }
            Map<String, String> form;
            try {
                form = params(req);
            } catch (IllegalArgumentException e) {
                plain(res, Status.BAD_REQUEST_400, "The form body is malformed.");
                return;
            }
            Optional<String> sent = req.headers().first(SIGNATURE);
            if (!signature.valid(pathAndQuery(req), form, sent.orElse(null))) {
                audit.record(AuditEvent.against(refused, AuditEvent.Outcome.DENIED, null, ClientInfo.of(req),
                        Map.of("path", path, "reason", sent.isPresent() ? "signature does not match" : "no signature")));
                plain(res, Status.FORBIDDEN_403, "The request is not signed by Twilio for this server.");
                return;
            }
            handler.handle(req, res, form);
        };
    }

    /** A short answer for Twilio (and whoever reads its request log), never cached. */
    public static void plain(ServerResponse res, Status status, String message) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(message.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(ServerRequest req) {
        return req.headers().contentType().map(type -> type.test(MediaTypes.APPLICATION_FORM_URLENCODED)).orElse(false);
    }

    /**
     * The parameters: Twilio sends each once, and the signature covers exactly those. A malformed escape ({@code %zz})
     * is an IllegalArgumentException.
     */
    private static Map<String, String> params(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return Map.of();
        }
        Parameters parameters = req.content().as(Parameters.class);
        Map<String, String> values = new HashMap<>();
        for (String name : parameters.names()) {
            values.put(name, parameters.first(name).orElse(""));
        }
        return values;
    }

    /** The path and query Twilio signed along with the public URL. */
    private static String pathAndQuery(ServerRequest req) {
        String query = req.query().rawValue();
        return req.path().absolute().rawPath() + (query.isEmpty() ? "" : "?" + query);
    }
}
