package app.tdah.myaccount;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the product speaks: the locales a person can choose, as BCP-47 tags. */
public final class Locales {

    /** The first is the default of every new account (the column default in V16). */
    public static final List<String> SUPPORTED = List.of("en", "fr", "es");

    private Locales() {
    }

    /** The supported tag the input names, in its canonical form ({@code FR} is {@code fr}); empty for anything else. */
    public static Optional<String> supported(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        try {
            String tag = new Locale.Builder().setLanguageTag(input.strip()).build().toLanguageTag();
            return SUPPORTED.contains(tag) ? Optional.of(tag) : Optional.empty();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
