package app.tdah.integrations.microsoft;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.tdah.integrations.sync.ChangeSource;
import app.tdah.integrations.sync.EventWriter;
import app.tdah.integrations.sync.Page;
import app.tdah.integrations.sync.Position;
import app.tdah.integrations.sync.ProviderException;
import app.tdah.integrations.sync.ProviderHttp;
import app.tdah.integrations.sync.SyncedEvent;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The person's Outlook calendar through {@code /me/calendarView/delta} over a window from {@code past} ago to
 * {@code future} ahead: Graph expands recurring events into occurrences within it, and reports deletions as
 * {@code @removed} (cancelled meetings as {@code isCancelled}). The window is fixed when a full sync starts; once
 * its start lies {@code 2 × past} back, a full sync moves it on. Tasks scheduled into the calendar are written with
 * {@code POST /me/events}.
 */
public final class GraphCalendarSource implements ChangeSource<SyncedEvent>, EventWriter {

    /** Times in UTC, whatever the mailbox's zone; pages of up to 500 events. */
    private static final String[] PREFER = {"Prefer", "outlook.timezone=\"UTC\", odata.maxpagesize=500"};

    private final ProviderHttp http;
    private final Duration past;
    private final Duration future;
    private final Clock clock;

    public GraphCalendarSource(ProviderHttp http, Duration past, Duration future, Clock clock) {
        this.http = http;
        this.past = past;
        this.future = future;
        this.clock = clock;
    }

    record Delta(List<Event> value, @JsonProperty("@odata.nextLink") String nextLink,
                 @JsonProperty("@odata.deltaLink") String deltaLink) {
    }

    record Event(String id, String subject, Boolean isAllDay, Boolean isCancelled, String showAs, Location location,
                 When start, When end, String webLink, @JsonProperty("@removed") Map<String, Object> removed) {
    }

    record Location(String displayName) {
    }

    record When(String dateTime, String timeZone) {
    }

    @Override
    public Page<SyncedEvent> page(String accessToken, Position position) throws ProviderException {
        Optional<GraphDelta.Cursor> resume = GraphDelta.resumeFrom(position);
        Instant windowStart;
        java.net.URI uri;
        if (resume.isPresent()) {
            windowStart = resume.get().windowStart();
            if (!position.full() && position.pageCursor() == null && windowStart.plus(past.multipliedBy(2)).isBefore(clock.instant())) {
                throw new ProviderException.CursorExpired("the calendar window starting " + windowStart + " is to be moved on");
            }
            uri = GraphDelta.follow(http, resume.get());
        } else {
            windowStart = clock.instant().minus(past).truncatedTo(ChronoUnit.DAYS);
            uri = http.url("/v1.0/me/calendarView/delta?startDateTime=" + windowStart + "&endDateTime="
                    + windowStart.plus(past).plus(future));
        }
        Delta delta = http.get(accessToken, uri, Delta.class, PREFER);
        List<SyncedEvent> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Event e : delta.value() == null ? List.<Event>of() : delta.value()) {
            if (e.id() == null) {
                throw new ProviderException.Malformed("an event without an id", null);
            }
            if (e.removed() != null || Boolean.TRUE.equals(e.isCancelled())) {
                removed.add(e.id());
            } else {
                changed.add(synced(e));
            }
        }
        return new Page<>(changed, removed, GraphDelta.next(windowStart, delta.nextLink(), delta.deltaLink()));
    }

    /** What {@code POST /me/events} takes: local times with their zone (here UTC) and a text body. */
    record Insert(String subject, Body body, When start, When end) {
    }

    record Body(String contentType, String content) {
    }

    @Override
    public WrittenEvent insert(String accessToken, NewEvent event) throws ProviderException {
        Event created = http.post(accessToken, http.url("/v1.0/me/events"), new Insert(event.title(),
                new Body("text", event.description() == null ? "" : event.description()),
                new When(LocalDateTime.ofInstant(event.startsAt(), ZoneOffset.UTC).toString(), "UTC"),
                new When(LocalDateTime.ofInstant(event.endsAt(), ZoneOffset.UTC).toString(), "UTC")), Event.class);
        if (created.id() == null) {
            throw new ProviderException.Malformed("a created event without an id", null);
        }
        return new WrittenEvent(created.id(), created.webLink());
    }

    private static SyncedEvent synced(Event e) throws ProviderException.Malformed {
        if (e.start() == null || e.end() == null) {
            throw new ProviderException.Malformed("event " + e.id() + " without start or end", null);
        }
        LocalDateTime start = local(e.start());
        LocalDateTime end = local(e.end());
        boolean allDay = Boolean.TRUE.equals(e.isAllDay());
        return new SyncedEvent(e.id(), e.subject(), e.location() == null || e.location().displayName() == null
                || e.location().displayName().isBlank() ? null : e.location().displayName(),
                allDay ? null : start.atZone(zone(e.start())).toInstant(), allDay ? null : end.atZone(zone(e.end())).toInstant(),
                allDay ? start.toLocalDate() : null, allDay ? end.toLocalDate() : null,
                !"free".equals(e.showAs()) && !"workingElsewhere".equals(e.showAs()), e.webLink(),
                null, null, null, null, false);
    }

    private static LocalDateTime local(When when) throws ProviderException.Malformed {
        try {
            return LocalDateTime.parse(when.dateTime());
        } catch (DateTimeException | NullPointerException e) {
            throw new ProviderException.Malformed("an unreadable time " + when.dateTime(), e);
        }
    }

    private static ZoneId zone(When when) throws ProviderException.Malformed {
        try {
            return when.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(when.timeZone());
        } catch (DateTimeException e) {
            throw new ProviderException.Malformed("an unknown time zone " + when.timeZone(), e);
        }
    }
}
