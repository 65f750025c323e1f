package app.tdah.integrations;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers whose calendar and mail a person can connect, and the OAuth scopes each capability takes there: the
 * scopes asked are only those of the capabilities chosen (incremental consent), and what a grant allows is read back
 * from the scopes the provider says it granted.
 */
public enum Provider {

    GOOGLE("Google", List.of("openid", "email"), Map.of(
            Capability.CALENDAR_READ, Google.CALENDAR_READONLY,
            Capability.CALENDAR_WRITE, Google.CALENDAR_EVENTS,
            Capability.MAIL_READ, Google.GMAIL_READONLY)) {
        @Override
        Set<Capability> capabilitiesOf(Set<String> granted) {
            Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
            if (granted.contains(Google.CALENDAR_READONLY) || granted.contains(Google.CALENDAR_EVENTS) || granted.contains(Google.CALENDAR)) {
                capabilities.add(Capability.CALENDAR_READ);
            }
            if (granted.contains(Google.CALENDAR_EVENTS) || granted.contains(Google.CALENDAR)) {
                capabilities.add(Capability.CALENDAR_WRITE);
            }
            if (granted.contains(Google.GMAIL_READONLY) || granted.contains(Google.GMAIL_MODIFY) || granted.contains(Google.MAIL)) {
                capabilities.add(Capability.MAIL_READ);
            }
            return capabilities;
        }
    },

    MICROSOFT("Microsoft", List.of("offline_access", "User.Read"), Map.of(
            Capability.CALENDAR_READ, "Calendars.Read",
            Capability.CALENDAR_WRITE, "Calendars.ReadWrite",
            Capability.MAIL_READ, "Mail.Read")) {
        /** Graph may name its permissions with the resource in front; the comparison is case-insensitive. */
        private static final String GRAPH = "https://graph.microsoft.com/";

        @Override
        Set<Capability> capabilitiesOf(Set<String> granted) {
            Set<String> names = new LinkedHashSet<>();
            granted.forEach(s -> names.add((s.regionMatches(true, 0, GRAPH, 0, GRAPH.length()) ? s.substring(GRAPH.length()) : s)
                    .toLowerCase(Locale.ROOT)));
            Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
            if (names.contains("calendars.read") || names.contains("calendars.readwrite")) {
                capabilities.add(Capability.CALENDAR_READ);
            }
            if (names.contains("calendars.readwrite")) {
                capabilities.add(Capability.CALENDAR_WRITE);
            }
            if (names.contains("mail.read") || names.contains("mail.readwrite")) {
                capabilities.add(Capability.MAIL_READ);
            }
            return capabilities;
        }
    };

    /** Google's scope names: the short ones ({@code calendar.readonly}) are only accepted in this full form. */
    private static final class Google {
        static final String CALENDAR = "https://www.googleapis.com/auth/calendar";
        static final String CALENDAR_READONLY = CALENDAR + ".readonly";
        static final String CALENDAR_EVENTS = CALENDAR + ".events";
        static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
        static final String GMAIL_MODIFY = "https://www.googleapis.com/auth/gmail.modify";
        static final String MAIL = "https://mail.google.com/";
    }

    private final String displayName;
    private final List<String> baseScopes;
    private final Map<Capability, String> capabilityScopes;

    Provider(String displayName, List<String> baseScopes, Map<Capability, String> capabilityScopes) {
        this.displayName = displayName;
        this.baseScopes = baseScopes;
        this.capabilityScopes = capabilityScopes;
    }

    /** What the provider's grant allows, from the scopes it says it granted. */
    abstract Set<Capability> capabilitiesOf(Set<String> granted);

    /** The scopes to ask for these capabilities: the account's identity and refresh, and one scope per capability. */
    List<String> scopesFor(Set<Capability> capabilities) {
        List<String> scopes = new java.util.ArrayList<>(baseScopes);
        EnumSet.copyOf(capabilities).forEach(c -> scopes.add(capabilityScopes.get(c)));
        return scopes;
    }

    /** As stored and as it appears in URLs: {@code google}, {@code microsoft}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Provider> ofCode(String code) {
        for (Provider provider : values()) {
            if (provider.code().equals(code)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
