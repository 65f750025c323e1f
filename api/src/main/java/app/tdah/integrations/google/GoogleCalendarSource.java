package app.tdah.integrations.google;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import app.tdah.integrations.sync.ChangeSource;
import app.tdah.integrations.sync.EventWriter;
import app.tdah.integrations.sync.Page;
import app.tdah.integrations.sync.Position;
import app.tdah.integrations.sync.ProviderException;
import app.tdah.integrations.sync.ProviderHttp;
import app.tdah.integrations.sync.SyncedEvent;

/**
 * The person's primary Google calendar through {@code events.list}: a full sync from {@code past} ago, then the
 * changes since the stored {@code nextSyncToken} (410 Gone: a full sync again), page by page. Recurring events come
 * as one series (with its RRULE) and its changed or cancelled occurrences; the agenda expands them for its window.
 * Tasks scheduled into the calendar are written with {@code events.insert}.
 */
public final class GoogleCalendarSource implements ChangeSource<SyncedEvent>, EventWriter {

    private static final String EVENTS = "/calendar/v3/calendars/primary/events?maxResults=2500";

    private final ProviderHttp http;
    private final Duration past;
    private final Clock clock;

    public GoogleCalendarSource(ProviderHttp http, Duration past, Clock clock) {
        this.http = http;
        this.past = past;
        this.clock = clock;
    }

    record Events(List<Event> items, String nextPageToken, String nextSyncToken) {
    }

    record Event(String id, String status, String summary, String location, When start, When end, List<String> recurrence,
                 String recurringEventId, When originalStartTime, String transparency, String htmlLink) {
    }

    record When(String date, String dateTime, String timeZone) {
    }

    @Override
    public Page<SyncedEvent> page(String accessToken, Position position) throws ProviderException {
        // A full sync's page cursor is "timeMin pageToken": a resumed full sync repeats the query it started with.
        String timeMin = null;
        String query;
        if (position.full()) {
            String[] resumed = position.pageCursor() == null ? null : position.pageCursor().split(" ", 2);
            timeMin = resumed == null ? clock.instant().minus(past).truncatedTo(ChronoUnit.SECONDS).toString() : resumed[0];
            query = "&timeMin=" + encode(timeMin) + (resumed == null || resumed.length < 2 ? "" : "&pageToken=" + encode(resumed[1]));
        } else {
            query = "&syncToken=" + encode(position.cursor())
                    + (position.pageCursor() == null ? "" : "&pageToken=" + encode(position.pageCursor()));
        }
        Events events = http.get(accessToken, http.url(EVENTS + query), Events.class);
        List<SyncedEvent> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Event event : events.items() == null ? List.<Event>of() : events.items()) {
            if (event.id() == null) {
                throw new ProviderException.Malformed("an event without an id", null);
            }
            if ("cancelled".equals(event.status())) {
                if (event.recurringEventId() != null && event.originalStartTime() != null) {
                    changed.add(SyncedEvent.cancelledOccurrence(event.id(), event.recurringEventId(), occurrenceKey(event.originalStartTime())));
                } else {
                    removed.add(event.id());
                }
            } else {
                changed.add(synced(event));
            }
        }
        if (events.nextPageToken() != null) {
            return new Page<>(changed, removed, new Page.More(position.full() ? timeMin + " " + events.nextPageToken() : events.nextPageToken()));
        }
        if (events.nextSyncToken() == null) {
            throw new ProviderException.Malformed("a last page without nextSyncToken", null);
        }
        return new Page<>(changed, removed, new Page.Done(events.nextSyncToken()));
    }

    /** What {@code events.insert} takes: times as RFC 3339 instants. */
    record Insert(String summary, String description, When start, When end) {
    }

    @Override
    public WrittenEvent insert(String accessToken, NewEvent event) throws ProviderException {
        Event created = http.post(accessToken, http.url("/calendar/v3/calendars/primary/events"),
                new Insert(event.title(), event.description(), new When(null, event.startsAt().toString(), null),
                        new When(null, event.endsAt().toString(), null)), Event.class);
        if (created.id() == null) {
            throw new ProviderException.Malformed("an inserted event without an id", null);
        }
        return new WrittenEvent(created.id(), created.htmlLink());
    }

    private static SyncedEvent synced(Event e) throws ProviderException.Malformed {
        if (e.start() == null || e.end() == null) {
            throw new ProviderException.Malformed("event " + e.id() + " without start or end", null);
        }
        boolean timed = e.start().dateTime() != null;
        List<String> recurrence = e.recurrence() == null || e.recurrence().isEmpty() ? null : e.recurrence();
        return new SyncedEvent(e.id(), e.summary(), e.location(),
                timed ? instant(e.start()) : null, timed ? instant(e.end()) : null,
                timed ? null : date(e.start()), timed ? null : date(e.end()),
                !"transparent".equals(e.transparency()), e.htmlLink(), recurrence,
                recurrence == null ? null : zone(e.start()), e.recurringEventId(),
                e.originalStartTime() == null ? null : occurrenceKey(e.originalStartTime()), false);
    }

    /** The key of the occurrence a changed instance replaces: the UTC instant, or the date of an all-day series. */
    private static String occurrenceKey(When when) throws ProviderException.Malformed {
        return when.dateTime() != null ? instant(when).toString() : date(when).toString();
    }

    private static Instant instant(When when) throws ProviderException.Malformed {
        try {
            return OffsetDateTime.parse(when.dateTime()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProviderException.Malformed("an unreadable time " + when.dateTime(), e);
        }
    }

    private static LocalDate date(When when) throws ProviderException.Malformed {
        try {
            return LocalDate.parse(when.date());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ProviderException.Malformed("an unreadable date " + when.date(), e);
        }
    }

    /** The zone a series repeats in: its own, else the offset its start was written with. */
    private static String zone(When start) throws ProviderException.Malformed {
        if (start.timeZone() != null) {
            try {
                return ZoneId.of(start.timeZone()).getId();
            } catch (java.time.DateTimeException unknown) {
                // An unknown zone name: the offset below still keeps the series' instants right until a DST change.
            }
        }
        return start.dateTime() == null ? "UTC" : OffsetDateTime.parse(start.dateTime()).getOffset().getId();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
