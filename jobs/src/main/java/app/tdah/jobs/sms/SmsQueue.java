package app.tdah.jobs.sms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Port into the outbound rows of the SMS log. A claim is a lease: the claimed rows belong to one sender until it
 * reports on each of them, or until the lease runs out because its node died mid-send.
 */
public interface SmsQueue {

    /**
     * Claims up to {@code limit} outbound texts due at {@code now} and counts an attempt on each. Concurrent callers,
     * on this node or another, never get the same row.
     */
    List<OutgoingSms> claimDue(Instant now, int limit);

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

    /** Puts rows claimed before {@code claimedBefore} and never reported on back in the queue; returns how many. */
    int requeueExpiredClaims(Instant claimedBefore);
}
