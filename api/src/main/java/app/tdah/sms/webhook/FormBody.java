package app.tdah.sms.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body: its parameters in order, repeated names kept. */
record FormBody(List<Map.Entry<String, String>> parameters) {

    FormBody {
        parameters = List.copyOf(parameters);
    }

    /** Reads the body; a malformed escape ({@code %zz}) is an IllegalArgumentException. */
    static FormBody parse(String body) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            }
        }
        return new FormBody(parameters);
    }

    /** The first value of the parameter, if it was sent at all (an empty value counts as sent). */
    Optional<String> first(String name) {
        return parameters.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }
}
