package app.tdah.i18n;

import java.util.Locale;

/**
 * The languages the product speaks, and the one rule that turns a person's profile language ({@code users.locale})
 * into one of them: its primary subtag, in any case ({@code fr}, {@code FR}, {@code fr-CA}, {@code fr_BE} are French),
 * when the product speaks it; anything else, or nothing, is English. Capture, the SMS assistant and the planner all
 * follow it (docs/capture/README.md, "Which grammar").
 *
 * <p>This package imports nothing else of the application: scripts/capture-eval and bench/capture-fuzz compile the
 * capture parser with it and nothing more.
 */
public enum ProfileLanguage {
    EN("en"), FR("fr"), ES("es");

    private final String code;

    ProfileLanguage(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, also the tag a profile stores: {@code en}, {@code fr}, {@code es}. */
    public String code() {
        return code;
    }

    /** The language a profile language reads as; English for null, blank or a language the product does not speak. */
    public static ProfileLanguage of(String profileLanguage) {
        if (profileLanguage == null) {
            return EN;
        }
        String primary = profileLanguage.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (ProfileLanguage language : values()) {
            if (language.code.equals(primary)) {
                return language;
            }
        }
        return EN;
    }
}
