package app.tdah.integrations.sync;

import java.time.Instant;
import java.util.List;

/** What is kept of an inbox message: never its body. */
public record MailHeader(String id, String threadId, String fromName, String fromAddress, String to, String subject,
                         Instant receivedAt, List<String> labels, String snippet, boolean unread, String link) {
}
