package app.tdah.jobs.sms;

import java.util.Locale;

import app.tdah.jobs.outbox.DeliveryException;
import app.tdah.jobs.outbox.DeliveryException.Kind;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * Sends texts with Twilio's Messages API through the official SDK, asking Twilio to report delivery to our status
 * callback. Each instance has its own client: nothing goes through the SDK's global {@code Twilio.init} state.
 */
public final class TwilioSmsSender implements SmsSender {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAUTHORIZED = 401;
    private static final int UNSUBSCRIBED_RECIPIENT = 21610;

    private final TwilioSettings settings;
    private final TwilioRestClient client;

    public TwilioSmsSender(TwilioSettings settings) {
        this.settings = settings;
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .accountSid(settings.accountSid())
                .httpClient(new BaseUrlHttpClient(settings.apiUrl(), settings.timeout()))
                .build();
    }

    @Override
    public AcceptedSms send(OutgoingSms sms) throws DeliveryException {
        try {
            Message message = creator(sms).setStatusCallback(settings.statusCallbackUrl()).create(client);
            String status = message.getStatus() == null ? "queued" : message.getStatus().toString();
            return new AcceptedSms(message.getSid(), status.toLowerCase(Locale.ROOT));
        } catch (ApiException e) {
            throw classify(e);
        } catch (ApiConnectionException e) {
            throw new DeliveryException(Kind.TRANSIENT, e.getMessage(), e);
        } catch (TwilioException e) {
            throw new DeliveryException(Kind.TRANSIENT, "Twilio client error: " + e.getMessage(), e);
        }
    }

    private MessageCreator creator(OutgoingSms sms) {
        PhoneNumber to = new PhoneNumber(sms.to());
        // A Messaging Service picks the sender number itself.
        return settings.from().startsWith("MG")
                ? Message.creator(to, settings.from(), sms.body())
                : Message.creator(to, new PhoneNumber(settings.from()), sms.body());
    }

    /**
     * 5xx and 429 may pass; a 401 is the operator's credentials, to be fixed without losing the queue; any other
     * 4xx (21211 invalid number...) would be refused again, and 21610 says the recipient unsubscribed.
     */
    private static DeliveryException classify(ApiException e) {
        Integer status = e.getStatusCode();
        String description = "Twilio " + (status == null ? "error" : status) + (e.getCode() == null ? "" : " error " + e.getCode())
                + ": " + e.getMessage();
        if (e.getCode() != null && e.getCode() == UNSUBSCRIBED_RECIPIENT) {
            return new UnsubscribedRecipient(description, e);
        }
        boolean passing = status == null || status >= 500 || status == TOO_MANY_REQUESTS || status == UNAUTHORIZED;
        return new DeliveryException(passing ? Kind.TRANSIENT : Kind.PERMANENT, description, e);
    }
}
