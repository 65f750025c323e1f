package app.tdah.oidc;

import java.util.Locale;
import java.util.Optional;

import io.helidon.security.jwt.Jwt;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** The providers people can sign in with, and how far each one's email claim can be trusted. */
public enum IdentityProvider {

    /** Google states {@code email_verified} for every account: only a verified address counts. */
    GOOGLE("Google") {
        @Override
        boolean emailVerified(Jwt idToken) {
            return isTrue(idToken.payloadClaim("email_verified"));
        }
    },

    /**
     * Microsoft sends no {@code email_verified}. Its {@code email} is verified for personal accounts (the consumer
     * tenant, where the address is the one the person signs in with); in a work or school tenant it is whatever the
     * tenant's administrator typed, so it counts only when Microsoft says the domain's owner verified it
     * ({@code xms_edov}), or when a future token states {@code email_verified}.
     */
    MICROSOFT("Microsoft") {
        private static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

        @Override
        boolean emailVerified(Jwt idToken) {
            return isTrue(idToken.payloadClaim("email_verified")) || isTrue(idToken.payloadClaim("xms_edov"))
                    || idToken.payloadClaim("tid").filter(t -> t instanceof JsonString s && CONSUMER_TENANT.equals(s.getString()))
                    .isPresent();
        }
    };

    private final String displayName;

    IdentityProvider(String displayName) {
        this.displayName = displayName;
    }

    /** Whether the token's {@code email} claim is an address the provider checked belongs to this person. */
    abstract boolean emailVerified(Jwt idToken);

    /** As stored and as it appears in URLs: {@code google}, {@code microsoft}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<IdentityProvider> ofCode(String code) {
        for (IdentityProvider provider : values()) {
            if (provider.code().equals(code)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    private static boolean isTrue(Optional<JsonValue> claim) {
        return claim.filter(v -> v.getValueType() == JsonValue.ValueType.TRUE || v instanceof JsonString s && "true".equals(s.getString())).isPresent();
    }
}
