package app.tdah.jobs.sms;

import java.time.Instant;
import java.util.UUID;

import app.tdah.jobs.outbox.LeasedQueue;

/** Port into the outbound rows of the SMS log, drained by leased claims. */
public interface SmsQueue extends LeasedQueue<OutgoingSms> {

    /** Twilio accepted the text: its SID is kept and it is never sent again. */
    void markAccepted(UUID id, AcceptedSms accepted, Instant at);

    /** The text is not sent, by rule rather than by failure (the number opted out). */
    void markSkipped(UUID id, String reason);

    /** Twilio refused the number as unsubscribed (error 21610): it is treated as opted out until it texts START. */
    void optOut(String e164, Instant at);

    /** Gives a claimed row back untried, due at {@code nextAttemptAt}: the claim's attempt does not count. */
    void postpone(UUID id, Instant nextAttemptAt);
}
