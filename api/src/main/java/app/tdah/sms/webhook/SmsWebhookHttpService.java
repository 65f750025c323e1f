package app.tdah.sms.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tdah.audit.AuditAction;
import app.tdah.sms.PhoneNumbers;
import app.tdah.sms.TwilioRequestFilter;
import app.tdah.sms.assistant.InboundSms;
import app.tdah.sms.assistant.SmsInbox;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /sms/twilio}: Twilio's webhook for incoming texts. Only requests {@link TwilioRequestFilter} lets
 * through (a form signed with the account's auth token over this server's public URL) are read; anything else is
 * refused (and audited) before a parameter is looked at.
 */
public final class SmsWebhookHttpService implements HttpService {

    public static final String PATH = "/sms/twilio";
    private static final List<String> REQUIRED = List.of("MessageSid", "From", "Body");

    private final TwilioRequestFilter twilio;
    private final PhoneNumbers numbers;
    private final SmsInbox inbox;

    public SmsWebhookHttpService(TwilioRequestFilter twilio, PhoneNumbers numbers, SmsInbox inbox) {
        this.twilio = twilio;
        this.numbers = numbers;
        this.inbox = inbox;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", twilio.signed(PATH, AuditAction.SMS_WEBHOOK_SIGNATURE_INVALID, this::receive));
    }

    private void receive(ServerRequest req, ServerResponse res, Map<String, String> form) {
        List<String> missing = REQUIRED.stream().filter(name -> !form.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            TwilioRequestFilter.plain(res, Status.BAD_REQUEST_400,
                    "Missing parameter" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ".");
            return;
        }
        Optional<String> from = numbers.toE164(form.get("From"));
        if (from.isEmpty()) {
            TwilioRequestFilter.plain(res, Status.BAD_REQUEST_400, "From is not a valid phone number.");
            return;
        }
        Optional<String> reply = inbox.receive(new InboundSms(form.get("MessageSid"), from.get(), form.get("Body")));
        res.header(HeaderNames.CONTENT_TYPE, TwiMl.CONTENT_TYPE)
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(TwiMl.of(reply).getBytes(StandardCharsets.UTF_8));
    }
}
