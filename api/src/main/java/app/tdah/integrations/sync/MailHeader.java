package app.tdah.integrations.sync;

import java.time.Instant;
import java.util.List;

/** What is kept of a message in the inbox or sent by the person: never its body. */
public record MailHeader(String id, String threadId, String fromName, String fromAddress, String to, String subject,
                         Instant receivedAt, List<String> labels, String snippet, boolean unread, String link, Folder folder) {

    /** Received (in the inbox), or sent by the person: who they wrote to. */
    public enum Folder { INBOX, SENT }
}
