package app.tdah.sms;

import java.util.Locale;
import java.util.Optional;

/**
 * The delivery states Twilio reports for a message it accepted, in the order they happen. Callbacks can arrive out
 * of order, so a state only replaces an earlier one; the last three are final and never replaced.
 *
 * <p>Twilio's transient {@code sending} is not stored: SENDING is the outbox's own "claimed by a sender" state.
 */
public enum DeliveryStatus {
    ACCEPTED(1), QUEUED(2), SENT(3), DELIVERED(4), UNDELIVERED(4), FAILED(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The state for one of Twilio's {@code MessageStatus} values; empty for those not kept (sending, read...). */
    public static Optional<DeliveryStatus> ofTwilio(String status) {
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(status.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
