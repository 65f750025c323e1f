package app.tdah.sms.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tdah.accounts.ClientInfo;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.sms.assistant.InboundSms;
import app.tdah.sms.assistant.PhoneNumbers;
import app.tdah.sms.assistant.SmsInbox;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /sms/twilio}: Twilio's webhook for incoming texts. Only requests signed with the account's auth token
 * over this server's public URL are read; anything else is refused (and audited) before a parameter is looked at.
 */
public final class SmsWebhookHttpService implements HttpService {

    public static final String PATH = "/sms/twilio";
    private static final HeaderName SIGNATURE = HeaderNames.create("X-Twilio-Signature");
    private static final List<String> REQUIRED = List.of("MessageSid", "From", "Body");

    private final Optional<TwilioSignature> signature;
    private final String signedUrl;
    private final SmsInbox inbox;
    private final AuditLog audit;

    /** @param authToken empty when the operator has not configured Twilio: every request is then refused with 503 */
    public SmsWebhookHttpService(Optional<String> authToken, URI publicUrl, SmsInbox inbox, AuditLog audit) {
        this.signature = authToken.map(TwilioSignature::new);
        this.signedUrl = publicUrl + PATH;
        this.inbox = inbox;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::receive);
    }

    private void receive(ServerRequest req, ServerResponse res) {
        if (signature.isEmpty()) {
            plain(res, Status.SERVICE_UNAVAILABLE_503, "SMS is not configured on this server: set PA_TWILIO_AUTH_TOKEN.");
            return;
        }
        boolean form = req.headers().contentType()
                .map(type -> type.mediaType().type().equals("application") && type.mediaType().subtype().equals("x-www-form-urlencoded"))
                .orElse(false);
        if (!form) {
            plain(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Twilio posts application/x-www-form-urlencoded.");
            return;
        }
        FormBody body;
        try {
            body = FormBody.parse(req.content().as(String.class));
        } catch (IllegalArgumentException e) {
            plain(res, Status.BAD_REQUEST_400, "The form body is malformed.");
            return;
        }
        String query = req.query().rawValue();
        String url = query.isEmpty() ? signedUrl : signedUrl + "?" + query;
        Optional<String> sent = req.headers().first(SIGNATURE);
        if (!signature.get().matches(url, body.parameters(), sent.orElse(null))) {
            audit.record(AuditEvent.against(AuditAction.SMS_WEBHOOK_REJECTED, AuditEvent.Outcome.DENIED, null, ClientInfo.of(req),
                    Map.of("reason", sent.isEmpty() ? "missing signature" : "invalid signature")));
            plain(res, Status.FORBIDDEN_403, "The request is not signed by Twilio for this server.");
            return;
        }
        List<String> missing = REQUIRED.stream().filter(name -> body.first(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            plain(res, Status.BAD_REQUEST_400, "Missing parameter" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ".");
            return;
        }
        Optional<String> from = PhoneNumbers.e164(body.first("From").orElseThrow());
        if (from.isEmpty()) {
            plain(res, Status.BAD_REQUEST_400, "From is not a phone number in international format.");
            return;
        }
        Optional<String> reply = inbox.receive(new InboundSms(body.first("MessageSid").orElseThrow(), from.get(),
                body.first("Body").orElseThrow()));
        res.header(HeaderNames.CONTENT_TYPE, TwiMl.CONTENT_TYPE)
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(TwiMl.of(reply).getBytes(StandardCharsets.UTF_8));
    }

    private static void plain(ServerResponse res, Status status, String message) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(message.getBytes(StandardCharsets.UTF_8));
    }
}
