package app.tdah.myaccount;

import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.tdah.i18n.ProfileLanguage;

/** The languages the product speaks: the locales a person can choose, as BCP-47 tags. */
public final class Locales {

    /** The languages the product speaks; the first is the default of every new account (the column default in V16). */
    public static final List<String> SUPPORTED = Arrays.stream(ProfileLanguage.values()).map(ProfileLanguage::code).toList();

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
