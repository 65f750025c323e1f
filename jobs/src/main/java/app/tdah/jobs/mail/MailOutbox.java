package app.tdah.jobs.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Port into the outbox the domain writes mail to. A claim is a lease: the claimed rows belong to one sender until it
 * reports on each of them, or until the lease runs out because its node died mid-send.
 */
public interface MailOutbox {

    /**
     * Claims up to {@code limit} rows due at {@code now} and counts an attempt on each. Concurrent callers, on this
     * node or another, never get the same row.
     */
    List<OutgoingMail> claimDue(Instant now, int limit);

    /** The mail server accepted the mail: it is never sent again. */
    void markSent(UUID id, Instant sentAt);

    /** The attempt failed for a reason that may pass; the row is due again at {@code nextAttemptAt}. */
    void scheduleRetry(UUID id, Instant nextAttemptAt, String error);

    /** The mail will not be sent: the server refused it for good, or it failed too many times. */
    void markDead(UUID id, String error);

    /** Puts rows claimed before {@code claimedBefore} and never reported on back in the queue; returns how many. */
    int requeueExpiredClaims(Instant claimedBefore);
}
