package app.tdah.jobs.sms;

/** A text the provider did not accept, and whether trying again later can help. */
public final class SmsDeliveryException extends Exception {

    public enum Failure {
        /** Unreachable, timed out, 5xx, 429, or credentials the operator has to fix: the same text may go through later. */
        TRANSIENT,
        /** A 4xx refusal such as an invalid number (21211): sending it again would fail again. */
        PERMANENT
    }

    private final Failure failure;

    public SmsDeliveryException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
