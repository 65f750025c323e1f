package app.tdah.jobs.outbox;

/** A row (a mail, a text) the receiver did not accept, and whether trying again later can help. */
public class DeliveryException extends Exception {

    public enum Kind {
        /**
         * Unreachable, timed out, a 4xx SMTP reply, a 5xx or 429 from Twilio, or credentials the operator has to fix:
         * the same row may go through later.
         */
        TRANSIENT,
        /**
         * A 5xx SMTP reply, an address that cannot be valid, a 4xx refusal from Twilio such as an invalid number
         * (21211): sending it again would fail again.
         */
        PERMANENT
    }

    private final Kind kind;

    public DeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
