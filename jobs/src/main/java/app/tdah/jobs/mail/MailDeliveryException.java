package app.tdah.jobs.mail;

/** A mail the server did not accept, and whether trying again later can help. */
public final class MailDeliveryException extends Exception {

    public enum Failure {
        /** Unreachable server, timeout, 4xx reply: the same mail may go through later. */
        TRANSIENT,
        /** 5xx reply or an address that cannot be valid: sending it again would fail again. */
        PERMANENT
    }

    private final Failure failure;

    public MailDeliveryException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
