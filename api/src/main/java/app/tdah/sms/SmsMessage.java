package app.tdah.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One text in the SMS log, inbound or outbound, as stored in {@code sms_messages}. */
public record SmsMessage(UUID id, UUID userId, String direction, String phone, String body, String encoding, int segments,
                         String kind, String status, String lastError, Instant createdAt, Instant sentAt, Instant statusAt) {

    /** What Twilio bills: every text received, and texts it accepted unless they failed before leaving it. */
    public boolean billable() {
        return "INBOUND".equals(direction) || (sentAt != null && !"FAILED".equals(status));
    }

    /** Queued to accepted by Twilio; null until accepted. */
    public Duration sendLatency() {
        return sentAt == null ? null : Duration.between(createdAt, sentAt);
    }

    /** Queued to delivered; null unless delivered. */
    public Duration deliveryLatency() {
        return "DELIVERED".equals(status) && statusAt != null ? Duration.between(createdAt, statusAt) : null;
    }
}
