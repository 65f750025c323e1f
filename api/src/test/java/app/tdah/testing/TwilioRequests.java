package app.tdah.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.twilio.security.RequestValidator;

/**
 * Requests as Twilio makes them to us: form-encoded POSTs signed with {@code X-Twilio-Signature}. The signature comes
 * from the Twilio SDK's own {@link RequestValidator} (its signing method is private, hence the reflection), not from
 * the product's code, so a mistake in the product cannot hide in the test.
 */
public final class TwilioRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TwilioRequests() {
    }

    /** The signature Twilio would send for a POST of {@code params} to {@code url}. */
    public static String sign(String authToken, String url, Map<String, String> params) {
        RequestValidator validator = new RequestValidator(authToken);
        try {
            Method signing = RequestValidator.class.getDeclaredMethod("getValidationSignature", String.class, Map.class);
            signing.setAccessible(true);
            String signature = (String) signing.invoke(validator, url, params);
            if (!validator.validate(url, params, signature)) {
                throw new IllegalStateException("RequestValidator does not accept its own signature");
            }
            return signature;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("This Twilio SDK signs differently: " + e, e);
        }
    }

    /**
     * POSTs the form to {@code baseUrl + path}, signed (when {@code signature} is non-null) with the given value.
     * Twilio signs the URL it calls: the public URL, which behind a proxy differs from where the server listens.
     */
    public static HttpResponse<String> post(String baseUrl, String path, Map<String, String> params, String signature) {
        return post(baseUrl, path, params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")), "application/x-www-form-urlencoded; charset=utf-8", signature);
    }

    /** Any body, of any type, to {@code baseUrl + path}: also what Twilio never sends. */
    public static HttpResponse<String> post(String baseUrl, String path, String body, String contentType, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
