package app.tdah.errors;

/**
 * The server has no capacity for this right now (e.g. every password-hashing slot is busy): the request may work in a
 * moment. The API answers it as a {@code RATE_LIMITED} userError in a mutation's payload, or an error with code
 * {@code RATE_LIMITED} elsewhere, with this message.
 */
public final class Overloaded extends RuntimeException {

    public Overloaded(String message) {
        super(message, null, false, false);
    }
}
