package app.tdah.i18n;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A person's time zone and language, read together from their profile once per request or text: every date and time
 * they type or read is local to {@code zone}, and what they type is read, and answered, in {@code language}.
 */
public record ZoneAndLanguage(ZoneId zone, ProfileLanguage language) {

    public ZoneAndLanguage {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
    }

    /** From the profile's columns: an IANA zone id and a language tag (any tag; see {@link ProfileLanguage#of}). */
    public static ZoneAndLanguage of(String timeZone, String locale) {
        return new ZoneAndLanguage(ZoneId.of(timeZone), ProfileLanguage.of(locale));
    }
}
