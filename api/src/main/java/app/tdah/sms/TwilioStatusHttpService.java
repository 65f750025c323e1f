package app.tdah.sms;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import app.tdah.identity.ClientInfo;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /sms/twilio/status}: Twilio's delivery reports for the texts we sent (the StatusCallback of each). A
 * request without a valid signature is refused (403) and recorded as a security event; a signed one without
 * {@code MessageSid} or {@code MessageStatus} is a 400. Statuses this product does not keep, and SIDs it does not
 * know, are acknowledged and change nothing.
 */
public final class TwilioStatusHttpService implements HttpService {

    public static final String PATH = "/sms/twilio/status";
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Twilio-Signature");

    private final TwilioSignature signature;
    private final SmsMessageRepository messages;
    private final AuditLog audit;
    private final Clock clock;

    public TwilioStatusHttpService(TwilioSignature signature, SmsMessageRepository messages, AuditLog audit, Clock clock) {
        this.signature = signature;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::status);
    }

    private void status(ServerRequest req, ServerResponse res) {
        Map<String, String> params = TwilioForm.params(req);
        Optional<String> signed = req.headers().first(SIGNATURE);
        if (!signature.valid(TwilioForm.pathAndQuery(req), params, signed.orElse(null))) {
            audit.record(AuditEvent.against(AuditAction.SMS_STATUS_SIGNATURE_INVALID, AuditEvent.Outcome.DENIED, null, ClientInfo.of(req),
                    Map.of("path", PATH, "reason", signed.isPresent() ? "signature does not match" : "no signature")));
            res.status(Status.FORBIDDEN_403).send("Invalid signature");
            return;
        }
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
            res.status(Status.BAD_REQUEST_400).send("MessageSid and MessageStatus are required");
            return;
        }
        DeliveryStatus.ofTwilio(status).ifPresent(delivery ->
                messages.recordStatus(sid, delivery, blankToNull(params.get("ErrorCode")), clock.instant()));
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
