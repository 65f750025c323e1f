package app.tdah.platform;

import java.net.URI;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Readings of configuration values that mean something beyond their type. Defaults live in {@code application.yaml}
 * only: code reads values with {@code .get()}, so a key missing there fails loudly naming it.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** The value, or empty when it is unset or blank (an empty string in YAML means "not configured"). */
    public static Optional<String> nonBlank(Config node) {
        return node.asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A URL without its trailing slash, so that paths can be appended to it. */
    public static URI url(String value) {
        return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }
}
