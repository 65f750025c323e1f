package app.tdah.jobs.mail;

import java.util.UUID;

import app.tdah.jobs.outbox.ClaimedRow;

/**
 * An outbox row claimed for sending.
 *
 * @param attempts how many times it has been claimed, this time included
 */
public record OutgoingMail(UUID id, String recipient, String subject, String textBody, String htmlBody, int attempts)
        implements ClaimedRow {
}
