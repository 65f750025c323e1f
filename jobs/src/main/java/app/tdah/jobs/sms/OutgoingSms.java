package app.tdah.jobs.sms;

import java.util.UUID;

import app.tdah.jobs.outbox.ClaimedRow;

/**
 * An outbound text claimed for sending.
 *
 * @param userId    the person it is for; null for numbers that belong to no one
 * @param kind      why it is sent (REMINDER, VERIFICATION, REPLY, OPT_OUT_CONFIRMATION...)
 * @param optedOut  the number has opted out (STOP) by the time of the claim
 * @param attempts  how many times it has been claimed, this time included
 */
public record OutgoingSms(UUID id, UUID userId, String to, String body, String kind, boolean optedOut, int attempts)
        implements ClaimedRow {

    /** The one text that may still go to a number that just opted out: the confirmation carriers require. */
    public static final String OPT_OUT_CONFIRMATION = "OPT_OUT_CONFIRMATION";

    public boolean mayBeSent() {
        return !optedOut || OPT_OUT_CONFIRMATION.equals(kind);
    }
}
