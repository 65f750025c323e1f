package app.tdah.jobs.sms;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach Twilio's REST API.
 *
 * @param from              the sender: a number in E.164, or a Messaging Service SID (MG...)
 * @param apiUrl            the API's base URL, {@code https://api.twilio.com} (tests point it at a local fake)
 * @param statusCallbackUrl where Twilio reports delivery status: the public URL of {@code /sms/twilio/status}
 * @param timeout           the longest wait for one request, connecting included
 */
public record TwilioSettings(String accountSid, String authToken, String from, URI apiUrl, URI statusCallbackUrl,
                             Duration timeout) {

    /** Never prints the auth token: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=****, from=" + from + ", apiUrl=" + apiUrl
                + ", statusCallbackUrl=" + statusCallbackUrl + ", timeout=" + timeout + "]";
    }
}
