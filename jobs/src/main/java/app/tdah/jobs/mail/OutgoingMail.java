package app.tdah.jobs.mail;

import java.util.UUID;

/**
 * An outbox row claimed for sending.
 *
 * @param attempts how many times it has been claimed, this time included
 */
public record OutgoingMail(UUID id, String recipient, String subject, String textBody, String htmlBody, int attempts) {
}
