package app.tdah.jobs.outbox;

import java.util.UUID;

/** A row claimed from a {@link LeasedQueue} for sending. */
public interface ClaimedRow {

    UUID id();

    /** How many times the row has been claimed, this time included. */
    int attempts();
}
