package app.tdah.capture;

import app.tdah.i18n.ProfileLanguage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** English readings at a fixed "now" for behaviour tests: Tuesday 2026-03-10 09:30 in Montreal, as in most of the corpus. */
final class Fixtures {

    static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZonedDateTime TUESDAY_0930 = ZonedDateTime.of(LocalDateTime.parse("2026-03-10T09:30"), MONTREAL);

    private Fixtures() {
    }

    static Capture parse(String text) {
        return CaptureParser.parse(text, MONTREAL, TUESDAY_0930, ProfileLanguage.EN);
    }

    /** Parses with {@code now} given as local time in {@code zone}. */
    static Capture parseAt(String text, String now, ZoneId zone) {
        return CaptureParser.parse(text, zone, LocalDateTime.parse(now).atZone(zone), ProfileLanguage.EN);
    }
}
