package app.tdah.testing;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.twilio.security.RequestValidator;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Posts texts to {@code /sms/twilio} the way Twilio does: a form with Twilio's parameters, signed with the official
 * SDK's {@link RequestValidator} over the public URL configured at Twilio (not the address the test reaches).
 */
public final class TwilioWebhook {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String TWILIO_NUMBER = "+14155550100";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String signedUrl;
    private final RequestValidator validator;
    private final Method signature;

    public TwilioWebhook(String baseUrl, String publicUrl, String authToken) {
        this.endpoint = URI.create(baseUrl + "/sms/twilio");
        this.signedUrl = publicUrl + "/sms/twilio";
        this.validator = new RequestValidator(authToken);
        try {
            // The SDK checks signatures in public and computes them in this method, the same one its check uses.
            this.signature = RequestValidator.class.getDeclaredMethod("getValidationSignature", String.class, Map.class);
            this.signature.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("The Twilio SDK no longer signs as expected", e);
        }
    }

    public static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The parameters Twilio posts for a plain inbound SMS. */
    public static Map<String, String> inbound(String messageSid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("ToState", "CA");
        form.put("SmsMessageSid", messageSid);
        form.put("NumMedia", "0");
        form.put("ToCity", "SAN FRANCISCO");
        form.put("FromZip", "");
        form.put("SmsSid", messageSid);
        form.put("FromState", "");
        form.put("SmsStatus", "received");
        form.put("FromCity", "");
        form.put("Body", body);
        form.put("FromCountry", "FR");
        form.put("To", TWILIO_NUMBER);
        form.put("ToZip", "94105");
        form.put("NumSegments", "1");
        form.put("MessageSid", messageSid);
        form.put("AccountSid", ACCOUNT_SID);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** Twilio's signature of these parameters posted to the public URL. */
    public String sign(Map<String, String> form) {
        try {
            String computed = (String) signature.invoke(validator, signedUrl, form);
            if (!validator.validate(signedUrl, form, computed)) {
                throw new IllegalStateException("The SDK does not accept its own signature");
            }
            return computed;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text from {@code from}, signed. */
    public HttpResponse<String> text(String messageSid, String from, String body) {
        Map<String, String> form = inbound(messageSid, from, body);
        return post(form, sign(form));
    }

    public HttpResponse<String> text(String from, String body) {
        return text(newMessageSid(), from, body);
    }

    public HttpResponse<String> post(Map<String, String> form, String signatureHeader) {
        return post(encode(form), "application/x-www-form-urlencoded", signatureHeader);
    }

    public HttpResponse<String> post(String body, String contentType, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header("X-Twilio-Signature", signatureHeader);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The text of the TwiML reply's message, read by an XML parser; empty for {@code <Response/>}. */
    public static String message(HttpResponse<String> response) {
        try {
            Document twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(response.body())));
            if (!twiml.getDocumentElement().getTagName().equals("Response")) {
                throw new IllegalStateException("Not TwiML: " + response.body());
            }
            NodeList messages = twiml.getElementsByTagName("Message");
            return messages.getLength() == 0 ? "" : messages.item(0).getTextContent();
        } catch (ParserConfigurationException | SAXException | java.io.IOException e) {
            throw new IllegalStateException("Not XML: " + response.body(), e);
        }
    }
}
