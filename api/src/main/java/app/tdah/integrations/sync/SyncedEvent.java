package app.tdah.integrations.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A calendar event as synced. Timed events have instants, all-day ones dates (end exclusive). A series carries its
 * recurrence lines ({@code RRULE:...}, {@code EXDATE...}) and the zone it repeats in; an occurrence that was moved,
 * changed or cancelled names its series and the start it replaces.
 */
public record SyncedEvent(String id, String title, String location, Instant startsAt, Instant endsAt,
                          LocalDate startDate, LocalDate endDate, boolean busy, String link, List<String> recurrence,
                          String timeZone, String seriesId, String originalStart, boolean cancelled) {

    /** A cancelled occurrence of a series: it only hides that occurrence. */
    public static SyncedEvent cancelledOccurrence(String id, String seriesId, String originalStart) {
        return new SyncedEvent(id, null, null, null, null, null, null, false, null, null, null, seriesId, originalStart, true);
    }
}
