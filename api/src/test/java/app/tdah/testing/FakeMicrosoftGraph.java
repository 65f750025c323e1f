package app.tdah.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Microsoft Graph's delta queries: {@code /v1.0/me/calendarView/delta} (a window of occurrences)
 * and {@code /v1.0/me/mailFolders/inbox/messages/delta} (and {@code sentitems}), answering {@code value} with {@code @odata.nextLink} until
 * the last page's {@code @odata.deltaLink}; deletions as {@code @removed}; {@code 410 Gone} (SyncStateNotFound) for
 * an expired delta token; and {@code POST /v1.0/me/events}. Each bearer token is one person's mailbox, created on
 * first use.
 */
public final class FakeMicrosoftGraph extends FakeProviderServer {

    private static final String CALENDAR = "/v1.0/me/calendarView/delta";
    private static final String INBOX = "/v1.0/me/mailFolders/inbox/messages/delta";
    private static final String SENT_ITEMS = "/v1.0/me/mailFolders/sentitems/messages/delta";
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);

    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private volatile int pageSize = 200;

    public void pageSize(int size) {
        this.pageSize = size;
    }

    public Mailbox mailbox(String token) {
        return mailboxes.computeIfAbsent(token, t -> new Mailbox());
    }

    /** One person's calendar occurrences, inbox and sent items, each with a change log. */
    public static final class Mailbox {
        private final Log events = new Log();
        private final Log messages = new Log();
        private final Log sent = new Log();

        private static final class Log {
            long seq;
            long expireBelow;
            final TreeMap<String, Stored> items = new TreeMap<>();
        }

        private record Stored(ObjectNode json, long changedAt, boolean deleted, Instant start) {
        }

        public synchronized ObjectNode putEvent(String id, String subject, Instant start, Instant end, String showAs, String location) {
            ObjectNode e = JSON.createObjectNode();
            e.put("@odata.etag", "W/\"" + (events.seq + 1) + "\"").put("id", id).put("subject", subject).put("isAllDay", false)
                    .put("isCancelled", false).put("showAs", showAs).put("type", "singleInstance")
                    .put("webLink", "https://outlook.office365.com/owa/?itemid=" + id);
            e.putObject("location").put("displayName", location == null ? "" : location);
            e.putObject("start").put("dateTime", GRAPH_TIME.format(start)).put("timeZone", "UTC");
            e.putObject("end").put("dateTime", GRAPH_TIME.format(end)).put("timeZone", "UTC");
            events.items.put(id, new Stored(e, ++events.seq, false, start));
            return e;
        }

        public synchronized ObjectNode putAllDayEvent(String id, String subject, LocalDate start, LocalDate endExclusive) {
            ObjectNode e = putEvent(id, subject, start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    endExclusive.atStartOfDay(ZoneOffset.UTC).toInstant(), "free", null);
            e.put("isAllDay", true);
            return e;
        }

        public synchronized void cancelEvent(String id) {
            Stored old = events.items.get(id);
            ObjectNode e = old.json().deepCopy().put("isCancelled", true);
            events.items.put(id, new Stored(e, ++events.seq, false, old.start()));
        }

        public synchronized void deleteEvent(String id) {
            Stored old = events.items.get(id);
            events.items.put(id, new Stored(old.json(), ++events.seq, true, old.start()));
        }

        public synchronized ObjectNode putMessage(String id, String fromName, String fromAddress, String subject, Instant received, boolean read) {
            ObjectNode m = JSON.createObjectNode();
            m.put("@odata.etag", "W/\"" + (messages.seq + 1) + "\"").put("id", id).put("receivedDateTime", received.toString())
                    .put("subject", subject).put("bodyPreview", "Preview of " + subject).put("isRead", read)
                    .put("conversationId", "c" + id).put("webLink", "https://outlook.office365.com/owa/?ItemID=" + id);
            m.putArray("categories");
            m.putObject("from").putObject("emailAddress").put("name", fromName).put("address", fromAddress);
            m.putArray("toRecipients").addObject().putObject("emailAddress").put("name", "Me").put("address", "me@example.com");
            messages.items.put(id, new Stored(m, ++messages.seq, false, received));
            return m;
        }

        /** A message the person sent (read, from them) to {@code toAddress}, in Sent Items. */
        public synchronized ObjectNode putSentMessage(String id, String toName, String toAddress, String subject, Instant sentAt) {
            ObjectNode m = JSON.createObjectNode();
            m.put("@odata.etag", "W/\"" + (sent.seq + 1) + "\"").put("id", id).put("receivedDateTime", sentAt.toString())
                    .put("sentDateTime", sentAt.toString()).put("subject", subject).put("bodyPreview", "Preview of " + subject)
                    .put("isRead", true).put("conversationId", "c" + id)
                    .put("webLink", "https://outlook.office365.com/owa/?ItemID=" + id);
            m.putArray("categories");
            m.putObject("from").putObject("emailAddress").put("name", "Me").put("address", "me@example.com");
            m.putArray("toRecipients").addObject().putObject("emailAddress").put("name", toName).put("address", toAddress);
            sent.items.put(id, new Stored(m, ++sent.seq, false, sentAt));
            return m;
        }

        public synchronized void markRead(String id) {
            Stored old = messages.items.get(id);
            messages.items.put(id, new Stored(old.json().deepCopy().put("isRead", true), ++messages.seq, false, old.start()));
        }

        /** Deleted or moved out of the inbox: delta reports it as @removed. */
        public synchronized void removeMessage(String id) {
            Stored old = messages.items.get(id);
            messages.items.put(id, new Stored(old.json(), ++messages.seq, true, old.start()));
        }

        /** Deleted from Sent Items: its delta reports it as @removed. */
        public synchronized void removeSentMessage(String id) {
            Stored old = sent.items.get(id);
            sent.items.put(id, new Stored(old.json(), ++sent.seq, true, old.start()));
        }

        /** Every delta token handed out so far stops working (410). */
        public synchronized void expireDeltaTokens() {
            events.expireBelow = events.seq + 1;
            messages.expireBelow = messages.seq + 1;
            sent.expireBelow = sent.seq + 1;
        }

        public synchronized List<ObjectNode> liveEvents() {
            return events.items.values().stream().filter(s -> !s.deleted() && !s.json().path("isCancelled").asBoolean())
                    .map(Stored::json).toList();
        }

        public synchronized List<ObjectNode> inbox() {
            return messages.items.values().stream().filter(s -> !s.deleted()).map(Stored::json).toList();
        }
    }

    @Override
    protected String cursorOf(String path, Map<String, String> query) {
        return query.containsKey("$deltatoken") ? path + ":" + query.get("$deltatoken") : null;
    }

    @Override
    protected Answer answer(String token, String path, Map<String, String> query, String rawQuery) {
        Mailbox mailbox = mailbox(token);
        synchronized (mailbox) {
            if (path.equals(CALENDAR)) {
                return delta(path, mailbox.events, query, true);
            }
            if (path.equals(INBOX)) {
                return delta(path, mailbox.messages, query, false);
            }
            if (path.equals(SENT_ITEMS)) {
                return delta(path, mailbox.sent, query, false);
            }
            return graphError(404, "ResourceNotFound", "Resource not found for the segment.");
        }
    }

    /** {@code POST /v1.0/me/events}: the event as Graph stores it (local times with their zone), 201 Created. */
    @Override
    protected Answer write(String token, String method, String path, com.fasterxml.jackson.databind.JsonNode body) {
        if (!method.equals("POST") || !path.equals("/v1.0/me/events")) {
            return super.write(token, method, path, body);
        }
        if (body == null || !"UTC".equals(body.path("start").path("timeZone").asText())
                || !"UTC".equals(body.path("end").path("timeZone").asText())) {
            return graphError(400, "ErrorInvalidRequest", "Start and end need a dateTime and timeZone.");
        }
        Mailbox mailbox = mailbox(token);
        synchronized (mailbox) {
            String id = "AAMk-" + (mailbox.events.seq + 1);
            Instant start = java.time.LocalDateTime.parse(body.path("start").path("dateTime").asText()).toInstant(ZoneOffset.UTC);
            Instant end = java.time.LocalDateTime.parse(body.path("end").path("dateTime").asText()).toInstant(ZoneOffset.UTC);
            return new Answer(201, mailbox.putEvent(id, body.path("subject").asText(), start, end, "busy", null));
        }
    }

    /**
     * A page of a delta: tokens are "from|snapshot|lastId|windowStart|windowEnd" (skip) and
     * "snapshot|windowStart|windowEnd" (delta).
     */
    private Answer delta(String path, Mailbox.Log log, Map<String, String> query, boolean windowed) {
        long from;
        long snapshot;
        String after = "";
        String start;
        String end;
        if (query.containsKey("$skiptoken")) {
            String[] p = query.get("$skiptoken").split("\\|", -1);
            from = Long.parseLong(p[0]);
            snapshot = Long.parseLong(p[1]);
            after = p[2];
            start = p[3];
            end = p[4];
        } else if (query.containsKey("$deltatoken")) {
            String[] p = query.get("$deltatoken").split("\\|", -1);
            from = Long.parseLong(p[0]);
            if (from < log.expireBelow) {
                return graphError(410, "SyncStateNotFound", "The sync state generation is not found. Resync is required.");
            }
            snapshot = log.seq;
            start = p[1];
            end = p[2];
        } else {
            from = -1;
            snapshot = log.seq;
            start = query.getOrDefault("startDateTime", "");
            end = query.getOrDefault("endDateTime", "");
            if (windowed && (start.isEmpty() || end.isEmpty())) {
                return graphError(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            }
        }
        boolean incremental = from >= 0;
        List<ObjectNode> items = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Map.Entry<String, Mailbox.Stored> e : log.items.tailMap(after, false).entrySet()) {
            Mailbox.Stored s = e.getValue();
            if (s.changedAt() <= from || s.changedAt() > snapshot) {
                continue;
            }
            boolean inWindow = !windowed || (!s.start().isBefore(Instant.parse(start)) && s.start().isBefore(Instant.parse(end)));
            boolean gone = s.deleted() || !inWindow;
            if (gone && !incremental) {
                continue;
            }
            if (items.size() == pageSize) {
                more = true;
                break;
            }
            items.add(gone ? JSON.createObjectNode().put("id", e.getKey()).set("@removed", JSON.createObjectNode().put("reason", "deleted"))
                    : s.json());
            last = e.getKey();
        }
        ObjectNode body = object().put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Collection(event)");
        ArrayNode value = body.putArray("value");
        items.forEach(value::add);
        if (more) {
            body.put("@odata.nextLink", url() + path + "?$skiptoken=" + encode(from + "|" + snapshot + "|" + last + "|" + start + "|" + end));
        } else {
            body.put("@odata.deltaLink", url() + path + "?$deltatoken=" + encode(snapshot + "|" + start + "|" + end));
        }
        return new Answer(200, body);
    }

    private static Answer graphError(int status, String code, String message) {
        ObjectNode body = object();
        body.putObject("error").put("code", code).put("message", message);
        return new Answer(status, body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
