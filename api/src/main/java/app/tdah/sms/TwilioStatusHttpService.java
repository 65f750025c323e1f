package app.tdah.sms;

import java.time.Clock;
import java.util.Map;

import app.tdah.audit.AuditAction;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /sms/twilio/status}: Twilio's delivery reports for the texts we sent (the StatusCallback of each), read
 * once {@link TwilioRequestFilter} has checked the form and its signature. A signed report without
 * {@code MessageSid} or {@code MessageStatus} is a 400. Statuses this product does not keep, and SIDs it does not
 * know, are acknowledged and change nothing.
 */
public final class TwilioStatusHttpService implements HttpService {

    public static final String PATH = "/sms/twilio/status";

    private final TwilioRequestFilter twilio;
    private final SmsMessageRepository messages;
    private final Clock clock;

    public TwilioStatusHttpService(TwilioRequestFilter twilio, SmsMessageRepository messages, Clock clock) {
        this.twilio = twilio;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", twilio.signed(PATH, AuditAction.SMS_STATUS_SIGNATURE_INVALID, this::status));
    }

    private void status(ServerRequest req, ServerResponse res, Map<String, String> params) {
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
            TwilioRequestFilter.plain(res, Status.BAD_REQUEST_400, "MessageSid and MessageStatus are required");
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
