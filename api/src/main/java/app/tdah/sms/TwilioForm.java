package app.tdah.sms;

import java.util.HashMap;
import java.util.Map;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

/** The form Twilio posts to its webhooks: {@code application/x-www-form-urlencoded}, each parameter once. */
public final class TwilioForm {

    private TwilioForm() {
    }

    public static boolean isForm(ServerRequest req) {
        return req.headers().contentType().map(type -> type.test(MediaTypes.APPLICATION_FORM_URLENCODED)).orElse(false);
    }

    /**
     * The parameters (none for any other body). Twilio sends each once; the signature covers exactly those. A malformed
     * escape ({@code %zz}) is an IllegalArgumentException.
     */
    public static Map<String, String> params(ServerRequest req) {
        if (!isForm(req) || !req.content().hasEntity()) {
            return Map.of();
        }
        Parameters parameters = req.content().as(Parameters.class);
        Map<String, String> values = new HashMap<>();
        for (String name : parameters.names()) {
            values.put(name, parameters.first(name).orElse(""));
        }
        return values;
    }

    /** The path and query Twilio signed along with the public URL. */
    public static String pathAndQuery(ServerRequest req) {
        String query = req.query().rawValue();
        return req.path().absolute().rawPath() + (query.isEmpty() ? "" : "?" + query);
    }
}
