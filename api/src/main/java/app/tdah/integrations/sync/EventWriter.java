package app.tdah.integrations.sync;

import java.time.Instant;

/** One provider's calendar, written to: an event created in the person's main calendar. */
public interface EventWriter {

    /** An event to create: a task put into a slot of the person's day. */
    record NewEvent(String title, String description, Instant startsAt, Instant endsAt) {
    }

    /** The event as the provider stored it: its id (what the sync will see) and where the person opens it. */
    record WrittenEvent(String eventId, String link) {
    }

    WrittenEvent insert(String accessToken, NewEvent event) throws ProviderException;
}
