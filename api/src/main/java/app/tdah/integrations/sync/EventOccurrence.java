package app.tdah.integrations.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.tdah.integrations.Provider;

/**
 * One event as it shows on a calendar: a one-off event, or one occurrence of a series. Timed ones have instants,
 * all-day ones dates (end exclusive).
 */
public record EventOccurrence(UUID integrationId, Provider provider, String eventId, String title, String location, Instant startsAt,
                              Instant endsAt, LocalDate startDate, LocalDate endDate, boolean busy, String link) {

    public boolean allDay() {
        return startDate != null;
    }
}
