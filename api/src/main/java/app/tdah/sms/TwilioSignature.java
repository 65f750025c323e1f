package app.tdah.sms;

import java.net.URI;
import java.util.Map;

import com.twilio.security.RequestValidator;

/**
 * Checks {@code X-Twilio-Signature} on Twilio's requests to us: an HMAC-SHA1, keyed with the auth token, of the URL
 * Twilio called followed by the POST parameters sorted by name, compared in constant time (Twilio's own
 * {@link RequestValidator}). The URL is rebuilt from the configured public URL, not from the request: behind Nginx
 * the server sees another scheme, host and port than Twilio signed.
 */
public final class TwilioSignature {

    private final RequestValidator validator;
    private final String publicUrl;

    public TwilioSignature(String authToken, URI publicUrl) {
        this.validator = new RequestValidator(authToken);
        String url = publicUrl.toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code pathAndQuery}: the request's raw path, with {@code ?query} when there is one. */
    public boolean valid(String pathAndQuery, Map<String, String> params, String signature) {
        return signature != null && !signature.isBlank() && validator.validate(publicUrl + pathAndQuery, params, signature);
    }
}
