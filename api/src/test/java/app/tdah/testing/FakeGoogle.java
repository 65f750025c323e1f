package app.tdah.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Google Calendar ({@code events.list} on the primary calendar) and Gmail ({@code profile},
 * {@code messages.list}, {@code messages.get} with {@code format=metadata}, {@code history.list}), speaking their
 * JSON: {@code nextPageToken}/{@code nextSyncToken}, cancelled events in incremental results, {@code 410 Gone}
 * (fullSyncRequired) for an expired sync token, {@code 404} for an expired {@code startHistoryId}; and
 * {@code events.insert}. Each bearer token
 * is one person's account, created on first use.
 */
public final class FakeGoogle extends FakeProviderServer {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int pageSize = 250;

    public FakeGoogle(Clock clock) {
        this.clock = clock;
    }

    /** At most this many items per page, whatever the client asks (real Google pages too). */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    public Account account(String token) {
        return accounts.computeIfAbsent(token, t -> new Account());
    }

    /** One person's calendar and mailbox, with their change logs. */
    public static final class Account {
        private long calendarSeq;
        private long syncTokensExpireBelow;
        private final TreeMap<String, Stored> events = new TreeMap<>();
        private long historyId = 1000;
        private long historyExpiresBelow;
        private final TreeMap<String, Message> messages = new TreeMap<>();
        private final List<HistoryRecord> history = new ArrayList<>();

        private record Stored(ObjectNode json, long changedAt, boolean deleted) {
        }

        /** A Gmail message: its labels change, the rest does not. */
        public record Message(String id, String threadId, List<String> labels, String from, String to, String subject,
                              long internalDate, String snippet) {
        }

        private record HistoryRecord(long id, String kind, Message message, List<String> labelIds) {
        }

        public synchronized ObjectNode putTimed(String id, String summary, Instant start, Instant end) {
            ObjectNode e = base(id, summary);
            e.putObject("start").put("dateTime", start.toString());
            e.putObject("end").put("dateTime", end.toString());
            return put(e);
        }

        public synchronized ObjectNode putAllDay(String id, String summary, LocalDate start, LocalDate endExclusive) {
            ObjectNode e = base(id, summary);
            e.putObject("start").put("date", start.toString());
            e.putObject("end").put("date", endExclusive.toString());
            return put(e);
        }

        /** A series repeating in the zone of {@code start}, e.g. rule {@code RRULE:FREQ=WEEKLY;BYDAY=MO}. */
        public synchronized ObjectNode putSeries(String id, String summary, ZonedDateTime start, Duration length, String... recurrence) {
            ObjectNode e = base(id, summary);
            e.putObject("start").put("dateTime", start.toOffsetDateTime().toString()).put("timeZone", start.getZone().getId());
            e.putObject("end").put("dateTime", start.plus(length).toOffsetDateTime().toString()).put("timeZone", start.getZone().getId());
            ArrayNode lines = e.putArray("recurrence");
            for (String line : recurrence) {
                lines.add(line);
            }
            return put(e);
        }

        /** One occurrence of a series moved to another time: Google's instance id is the series id, "_" and the original start. */
        public synchronized ObjectNode moveOccurrence(String seriesId, Instant originalStart, Instant start, Instant end) {
            String id = seriesId + "_" + originalStart.toString().replaceAll("[-:]", "");
            ObjectNode e = base(id, events.get(seriesId).json().path("summary").asText());
            e.putObject("start").put("dateTime", start.toString());
            e.putObject("end").put("dateTime", end.toString());
            e.put("recurringEventId", seriesId);
            e.putObject("originalStartTime").put("dateTime", originalStart.toString());
            return put(e);
        }

        /** One occurrence of a series cancelled: listed with status "cancelled", even in a full sync. */
        public synchronized void cancelOccurrence(String seriesId, Instant originalStart) {
            ObjectNode e = JSON.createObjectNode();
            e.put("kind", "calendar#event").put("id", seriesId + "_" + originalStart.toString().replaceAll("[-:]", ""))
                    .put("status", "cancelled").put("recurringEventId", seriesId);
            e.putObject("originalStartTime").put("dateTime", originalStart.toString());
            put(e);
        }

        public synchronized void deleteEvent(String id) {
            ObjectNode gone = JSON.createObjectNode().put("kind", "calendar#event").put("id", id).put("status", "cancelled");
            events.put(id, new Stored(gone, ++calendarSeq, true));
        }

        /** Every sync token handed out so far stops working (the next incremental sync gets 410). */
        public synchronized void expireSyncTokens() {
            syncTokensExpireBelow = calendarSeq + 1;
        }

        public synchronized ObjectNode put(ObjectNode event) {
            event.put("updated", Instant.now().toString());
            events.put(event.get("id").asText(), new Stored(event, ++calendarSeq, false));
            return event;
        }

        /** Events as a calendar would show them now (not deleted, not cancelled occurrences). */
        public synchronized List<ObjectNode> liveEvents() {
            return events.values().stream().filter(s -> !s.deleted() && !"cancelled".equals(s.json().path("status").asText()))
                    .map(Stored::json).toList();
        }

        public synchronized Message addMessage(String id, String from, String to, String subject, Instant received, String... labels) {
            Message m = new Message(id, "t" + id, List.of(labels), from, to, subject, received.toEpochMilli(), "Snippet of " + subject);
            messages.put(id, m);
            history.add(new HistoryRecord(++historyId, "messagesAdded", m, null));
            return m;
        }

        public synchronized void setLabels(String id, String... labels) {
            Message old = messages.get(id);
            Message m = new Message(old.id(), old.threadId(), List.of(labels), old.from(), old.to(), old.subject(), old.internalDate(), old.snippet());
            messages.put(id, m);
            history.add(new HistoryRecord(++historyId, "labelsAdded", m, List.of(labels)));
        }

        public synchronized void deleteMessage(String id) {
            Message m = messages.remove(id);
            history.add(new HistoryRecord(++historyId, "messagesDeleted", m, null));
        }

        /** History before the latest record is gone (history.list from an older stored id gets 404). */
        public synchronized void expireHistory() {
            historyExpiresBelow = historyId;
        }

        public synchronized List<Message> inbox() {
            return messages.values().stream().filter(m -> m.labels().contains("INBOX")).toList();
        }

        private static ObjectNode base(String id, String summary) {
            ObjectNode e = JSON.createObjectNode();
            e.put("kind", "calendar#event").put("id", id).put("status", "confirmed").put("summary", summary)
                    .put("htmlLink", "https://www.google.com/calendar/event?eid=" + id);
            return e;
        }
    }

    @Override
    protected String cursorOf(String path, Map<String, String> query) {
        if (query.containsKey("pageToken")) {
            return null;
        }
        if (path.endsWith("/events") && query.containsKey("syncToken")) {
            return "sync:" + query.get("syncToken");
        }
        return path.endsWith("/history") ? "history:" + query.get("startHistoryId") : null;
    }

    @Override
    protected Answer answer(String token, String path, Map<String, String> query, String rawQuery) {
        Account account = account(token);
        synchronized (account) {
            if (path.equals("/calendar/v3/calendars/primary/events")) {
                return events(account, query);
            }
            if (path.equals("/gmail/v1/users/me/profile")) {
                return new Answer(200, object().put("emailAddress", "person@example.com")
                        .put("messagesTotal", account.messages.size()).put("historyId", Long.toString(account.historyId)));
            }
            if (path.equals("/gmail/v1/users/me/messages")) {
                return messageList(account, query);
            }
            if (path.startsWith("/gmail/v1/users/me/messages/")) {
                Account.Message m = account.messages.get(path.substring("/gmail/v1/users/me/messages/".length()));
                return m == null ? error(404, "notFound", "Requested entity was not found.") : new Answer(200, metadata(m, query));
            }
            if (path.equals("/gmail/v1/users/me/history")) {
                return history(account, query);
            }
            return error(404, "notFound", "Not found: " + path);
        }
    }

    /** {@code events.insert} on the primary calendar: the event as Google stores it, with an id of its own, 200. */
    @Override
    protected Answer write(String token, String method, String path, JsonNode body) {
        if (!method.equals("POST") || !path.equals("/calendar/v3/calendars/primary/events")) {
            return super.write(token, method, path, body);
        }
        if (body == null || !body.path("start").has("dateTime") || !body.path("end").has("dateTime")) {
            return error(400, "badRequest", "Missing start or end time.");
        }
        Account account = account(token);
        synchronized (account) {
            String id = "ins" + (account.calendarSeq + 1);
            ObjectNode e = Account.base(id, body.path("summary").asText());
            if (body.hasNonNull("description")) {
                e.put("description", body.get("description").asText());
            }
            e.putObject("start").put("dateTime", body.path("start").path("dateTime").asText());
            e.putObject("end").put("dateTime", body.path("end").path("dateTime").asText());
            return new Answer(200, account.put(e));
        }
    }

    private Answer events(Account account, Map<String, String> query) {
        int size = Math.min(pageSize, Integer.parseInt(query.getOrDefault("maxResults", "250")));
        long from;
        long snapshot;
        String after = "";
        boolean incremental = query.containsKey("syncToken");
        if (query.containsKey("pageToken")) {
            String[] parts = query.get("pageToken").split(":", 3);
            from = Long.parseLong(parts[0]);
            snapshot = Long.parseLong(parts[1]);
            after = parts[2];
        } else {
            from = incremental ? Long.parseLong(query.get("syncToken").substring(1)) : 0;
            snapshot = account.calendarSeq;
        }
        if (incremental && from < account.syncTokensExpireBelow) {
            return error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
        }
        Instant timeMin = query.containsKey("timeMin") ? Instant.parse(query.get("timeMin")) : Instant.MIN;
        List<ObjectNode> items = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, Account.Stored> e : account.events.tailMap(after, false).entrySet()) {
            Account.Stored s = e.getValue();
            boolean listed = incremental ? s.changedAt() > from && s.changedAt() <= snapshot
                    : !s.deleted() && s.changedAt() <= snapshot && endsAfter(s.json(), timeMin);
            if (listed) {
                if (items.size() == size) {
                    break;
                }
                items.add(s.json());
                last = e.getKey();
            }
        }
        ObjectNode body = object().put("kind", "calendar#events").put("summary", "person@example.com");
        body.putArray("items").addAll(items);
        boolean more = last != null && account.events.tailMap(last, false).values().stream().anyMatch(s -> incremental
                ? s.changedAt() > from && s.changedAt() <= snapshot : !s.deleted() && s.changedAt() <= snapshot && endsAfter(s.json(), timeMin));
        if (more) {
            body.put("nextPageToken", from + ":" + snapshot + ":" + last);
        } else {
            body.put("nextSyncToken", "s" + snapshot);
        }
        return new Answer(200, body);
    }

    private static boolean endsAfter(JsonNode event, Instant timeMin) {
        if (event.has("recurrence") || !event.has("end")) {
            return true;
        }
        JsonNode end = event.get("end");
        Instant at = end.has("dateTime") ? java.time.OffsetDateTime.parse(end.get("dateTime").asText()).toInstant()
                : LocalDate.parse(end.get("date").asText()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return at.isAfter(timeMin);
    }

    private Answer messageList(Account account, Map<String, String> query) {
        // The search operators used: newer_than:Nd, and in:LABEL alone or several in braces (any of them).
        String q = query.getOrDefault("q", "");
        java.util.regex.Matcher days = java.util.regex.Pattern.compile("newer_than:(\\d+)d").matcher(q);
        long newerThan = days.find() ? clock.instant().minus(Duration.ofDays(Long.parseLong(days.group(1)))).toEpochMilli() : 0;
        List<String> in = new ArrayList<>();
        java.util.regex.Matcher labels = java.util.regex.Pattern.compile("in:(\\w+)").matcher(q);
        while (labels.find()) {
            in.add(labels.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        if (query.containsKey("labelIds")) {
            in.add(query.get("labelIds"));
        }
        List<Account.Message> inbox = account.messages.values().stream()
                .filter(m -> (in.isEmpty() || m.labels().stream().anyMatch(in::contains)) && m.internalDate() >= newerThan)
                .sorted(Comparator.comparingLong(Account.Message::internalDate).reversed().thenComparing(Account.Message::id))
                .toList();
        int size = Math.min(Math.min(pageSize, 500), Integer.parseInt(query.getOrDefault("maxResults", "100")));
        int offset = Integer.parseInt(query.getOrDefault("pageToken", "0"));
        ObjectNode body = object();
        ArrayNode list = body.putArray("messages");
        slice(inbox, offset, size).forEach(m -> list.addObject().put("id", m.id()).put("threadId", m.threadId()));
        if (offset + size < inbox.size()) {
            body.put("nextPageToken", Integer.toString(offset + size));
        }
        body.put("resultSizeEstimate", inbox.size());
        return new Answer(200, body);
    }

    private static ObjectNode metadata(Account.Message m, Map<String, String> query) {
        ObjectNode body = object().put("id", m.id()).put("threadId", m.threadId()).put("snippet", m.snippet())
                .put("internalDate", Long.toString(m.internalDate())).put("sizeEstimate", 4242);
        ArrayNode labels = body.putArray("labelIds");
        m.labels().forEach(labels::add);
        ObjectNode payload = body.putObject("payload").put("mimeType", "multipart/alternative");
        ArrayNode headers = payload.putArray("headers");
        List<String> wanted = List.of(query.getOrDefault("metadataHeaders", "").toLowerCase(java.util.Locale.ROOT).split(","));
        Map<String, String> all = Map.of("From", m.from(), "To", m.to(), "Subject", m.subject(),
                "Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(m.internalDate()).atZone(java.time.ZoneOffset.UTC)));
        all.forEach((name, value) -> {
            if (wanted.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                headers.addObject().put("name", name).put("value", value);
            }
        });
        return body;
    }

    private Answer history(Account account, Map<String, String> query) {
        long start = Long.parseLong(query.get("startHistoryId"));
        if (start < account.historyExpiresBelow) {
            return error(404, "notFound", "Requested entity was not found.");
        }
        long snapshot = account.historyId;
        long after = start;
        if (query.containsKey("pageToken")) {
            String[] parts = query.get("pageToken").split(":");
            snapshot = Long.parseLong(parts[0]);
            after = Long.parseLong(parts[1]);
        }
        int size = Math.min(pageSize, Integer.parseInt(query.getOrDefault("maxResults", "100")));
        long from = after;
        long until = snapshot;
        List<Account.HistoryRecord> records = account.history.stream().filter(r -> r.id() > from && r.id() <= until).toList();
        ObjectNode body = object();
        ArrayNode list = body.putArray("history");
        for (Account.HistoryRecord r : slice(records, 0, size)) {
            ObjectNode record = list.addObject().put("id", Long.toString(r.id()));
            record.putArray("messages").addObject().put("id", r.message().id()).put("threadId", r.message().threadId());
            ObjectNode touched = record.putArray(r.kind()).addObject();
            ObjectNode message = touched.putObject("message").put("id", r.message().id()).put("threadId", r.message().threadId());
            ArrayNode labels = message.putArray("labelIds");
            r.message().labels().forEach(labels::add);
            if (r.labelIds() != null) {
                ArrayNode changed = touched.putArray("labelIds");
                r.labelIds().forEach(changed::add);
            }
        }
        if (records.size() > size) {
            body.put("nextPageToken", snapshot + ":" + records.get(size - 1).id());
        }
        body.put("historyId", Long.toString(snapshot));
        return new Answer(200, body);
    }
}
