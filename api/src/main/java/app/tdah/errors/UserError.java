package app.tdah.errors;

/** A business mistake in a mutation's input, returned in the payload's {@code userErrors}. */
public record UserError(String field, String message, Code code) {

    /** Mirrors the GraphQL enum UserErrorCode. */
    public enum Code {
        INVALID, TOO_SHORT, TOO_LONG, TOO_COMMON, ALREADY_EXISTS, INVALID_CREDENTIALS, NOT_AUTHENTICATED, UNKNOWN_TIME_ZONE,
        NOT_FOUND, FORBIDDEN,
        RATE_LIMITED, EXPIRED, UNAVAILABLE, REAUTHENTICATION_REQUIRED, EMAIL_NOT_VERIFIED
    }
}
