package app.tdah.testing;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Posts texts to {@code /sms/twilio} the way Twilio does: a form with Twilio's parameters, signed with the official
 * SDK's {@code RequestValidator} ({@link TwilioRequests#sign}) over the public URL configured at Twilio (not the
 * address the test reaches).
 */
public final class TwilioWebhook {

    private static final String PATH = "/sms/twilio";

    private final String baseUrl;
    private final String signedUrl;
    private final String authToken;

    public TwilioWebhook(String baseUrl, String publicUrl, String authToken) {
        this.baseUrl = baseUrl;
        this.signedUrl = publicUrl + PATH;
        this.authToken = authToken;
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
        form.put("To", FakeTwilio.FROM);
        form.put("ToZip", "94105");
        form.put("NumSegments", "1");
        form.put("MessageSid", messageSid);
        form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** Twilio's signature of these parameters posted to the public URL. */
    public String sign(Map<String, String> form) {
        return TwilioRequests.sign(authToken, signedUrl, form);
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
        return TwilioRequests.post(baseUrl, PATH, form, signatureHeader);
    }

    /** Any body, of any type: what Twilio never sends. */
    public HttpResponse<String> post(String body, String contentType, String signatureHeader) {
        return TwilioRequests.post(baseUrl, PATH, body, contentType, signatureHeader);
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
