package app.tdah.jobs.mail;

import java.time.Instant;
import java.util.UUID;

import app.tdah.jobs.outbox.LeasedQueue;

/** Port into the outbox the domain writes mail to, drained by leased claims. */
public interface MailOutbox extends LeasedQueue<OutgoingMail> {

    /** The mail server accepted the mail: it is never sent again. */
    void markSent(UUID id, Instant sentAt);
}
