package app.tdah.accounts;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import app.tdah.errors.UserError;

/** What a display name and a time zone must be, at sign-up and whenever a person changes them. */
public final class ProfileRules {

    private static final Pattern IANA_ZONE = Pattern.compile("[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}");
    static final int MAX_DISPLAY_NAME_LENGTH = 80;

    private ProfileRules() {
    }

    /** The display name as stored (stripped); adds an error naming {@code displayName} when it is empty or too long. */
    public static String displayName(String input, List<UserError> errors) {
        String displayName = input == null ? "" : input.strip();
        if (displayName.isEmpty()) {
            errors.add(new UserError("displayName", "Tell us what to call you.", UserError.Code.INVALID));
        } else if (displayName.codePointCount(0, displayName.length()) > MAX_DISPLAY_NAME_LENGTH) {
            errors.add(new UserError("displayName", "Use at most " + MAX_DISPLAY_NAME_LENGTH + " characters.", UserError.Code.TOO_LONG));
        }
        return displayName;
    }

    /** Adds an error naming {@code timeZone} unless the zone is one {@link #isKnownTimeZone} accepts. */
    public static void timeZone(String zone, List<UserError> errors) {
        if (!isKnownTimeZone(zone)) {
            errors.add(new UserError("timeZone", "Pick a time zone from the list, like Europe/Paris.", UserError.Code.UNKNOWN_TIME_ZONE));
        }
    }

    /**
     * An IANA region id the JDK knows, such as Europe/Paris. The shape check keeps out ids that libraries register at
     * run time (ical4j adds random "ical4j~…" ones) which PostgreSQL and other nodes would not know.
     */
    public static boolean isKnownTimeZone(String zone) {
        return zone != null && IANA_ZONE.matcher(zone).matches() && ZoneId.getAvailableZoneIds().contains(zone);
    }
}
