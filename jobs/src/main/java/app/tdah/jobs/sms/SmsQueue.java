package app.tdah.jobs.sms;

import java.time.Instant;
import java.util.UUID;

import app.tdah.jobs.LeasedQueue;

/** Port into the outbound rows of the SMS log, drained by leased claims. */
public interface SmsQueue extends LeasedQueue<OutgoingSms> {

    /** Twilio accepted the text: its SID is kept and it is never sent again. */
    void markAccepted(UUID id, AcceptedSms accepted, Instant at);

    /** The attempt failed for a reason that may pass; the row is due again at {@code nextAttemptAt}. */
    void scheduleRetry(UUID id, Instant nextAttemptAt, String error);

    /** The text will not be sent: Twilio refused it for good, or it failed too many times. */
    void markDead(UUID id, String error);

    /** The text is not sent, by rule rather than by failure (the number opted out). */
    void markSkipped(UUID id, String reason);

    /** Gives a claimed row back untried, due at {@code nextAttemptAt}: the claim's attempt does not count. */
    void postpone(UUID id, Instant nextAttemptAt);
}
