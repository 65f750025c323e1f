package app.tdah.errors;

/**
 * A malformed argument: a client bug rather than a person's mistake (an invalid cursor, a page size out of range).
 * The API answers it as an error with code {@code BAD_ARGUMENT} and this message; a mistake a person can fix is a
 * {@link UserError} instead.
 */
public final class BadArgument extends RuntimeException {

    public BadArgument(String message) {
        super(message, null, false, false);
    }
}
