package app.tdah.sms.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): the Base64 HMAC-SHA1, keyed with the account's auth token,
 * of the URL Twilio posted to followed by every POST parameter's name and value, sorted by name. The URL is the one
 * configured at Twilio, i.e. this server's public one, not the address the request reached behind a proxy.
 */
final class TwilioSignature {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final SecretKeySpec key;

    TwilioSignature(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
    }

    /** True when {@code signature} is the one Twilio computes for this URL and these parameters. */
    boolean matches(String url, List<Map.Entry<String, String>> parameters, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        // Constant time: how much of a forged signature was right must not show in the response time.
        return MessageDigest.isEqual(sign(url, parameters).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    String sign(String url, List<Map.Entry<String, String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        parameters.stream()
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())))
                .forEach(p -> data.append(p.getKey()).append(p.getValue()));
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is unavailable", e);
        }
    }
}
