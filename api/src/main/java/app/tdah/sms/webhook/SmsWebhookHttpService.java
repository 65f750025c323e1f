package app.tdah.sms.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tdah.identity.ClientInfo;
import app.tdah.audit.AuditAction;
import app.tdah.audit.AuditEvent;
import app.tdah.audit.AuditLog;
import app.tdah.sms.PhoneNumbers;
import app.tdah.sms.TwilioForm;
import app.tdah.sms.TwilioSignature;
import app.tdah.sms.assistant.InboundSms;
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

    private final TwilioSignature signature;
    private final PhoneNumbers numbers;
    private final SmsInbox inbox;
    private final AuditLog audit;

    public SmsWebhookHttpService(TwilioSignature signature, PhoneNumbers numbers, SmsInbox inbox, AuditLog audit) {
        this.signature = signature;
        this.numbers = numbers;
        this.inbox = inbox;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::receive);
    }

    private void receive(ServerRequest req, ServerResponse res) {
        if (!TwilioForm.isForm(req)) {
            plain(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Twilio posts application/x-www-form-urlencoded.");
            return;
        }
        Map<String, String> form;
        try {
            form = TwilioForm.params(req);
        } catch (IllegalArgumentException e) {
            plain(res, Status.BAD_REQUEST_400, "The form body is malformed.");
            return;
        }
        Optional<String> sent = req.headers().first(SIGNATURE);
        if (!signature.valid(TwilioForm.pathAndQuery(req), form, sent.orElse(null))) {
            audit.record(AuditEvent.against(AuditAction.SMS_WEBHOOK_SIGNATURE_INVALID, AuditEvent.Outcome.DENIED, null,
                    ClientInfo.of(req), Map.of("path", PATH, "reason", sent.isPresent() ? "signature does not match" : "no signature")));
            plain(res, Status.FORBIDDEN_403, "The request is not signed by Twilio for this server.");
            return;
        }
        List<String> missing = REQUIRED.stream().filter(name -> !form.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            plain(res, Status.BAD_REQUEST_400, "Missing parameter" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ".");
            return;
        }
        Optional<String> from = numbers.toE164(form.get("From"));
        if (from.isEmpty()) {
            plain(res, Status.BAD_REQUEST_400, "From is not a valid phone number.");
            return;
        }
        Optional<String> reply = inbox.receive(new InboundSms(form.get("MessageSid"), from.get(), form.get("Body")));
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
