package app.tdah.integrations.sync;

import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import app.tdah.integrations.Provider;
import app.tdah.platform.Transactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * All SQL of calendar and mail sync: sync state and its claims, and the events and mail headers it keeps. A page of
 * changes and the position after it are written in one transaction, so a sync that stops anywhere resumes exactly
 * where its last page left it, applying nothing twice and losing nothing.
 */
public final class SyncRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String STATE_COLUMNS = "integration_id, stream, user_id, provider, state, cursor, page_cursor, "
            + "full_sync, generation, next_run_at, last_success_at, last_error, last_error_at, failures, items";
    private static final String EVENT_COLUMNS = "integration_id, event_id, title, location, starts_at, ends_at, start_date, "
            + "end_date, busy, link, to_json(recurrence)::text AS recurrence_json, time_zone, series_id, original_start, cancelled";

    private final DbClient db;
    private final List<CalendarChangeListener> calendarListeners = new CopyOnWriteArrayList<>();

    public SyncRepository(DbClient db) {
        this.db = db;
    }

    void onCalendarChanges(CalendarChangeListener listener) {
        calendarListeners.add(listener);
    }

    /** Starts syncing a stream (at {@code firstRun}), or takes it up again after a reconnect. */
    void upsertStream(ConnectedIntegration integration, SyncedData data, Instant firstRun) {
        db.execute().insert("INSERT INTO integration_syncs (integration_id, stream, user_id, provider, next_run_at) "
                        + "VALUES (?::uuid, ?, ?::uuid, ?, ?) ON CONFLICT (integration_id, stream) DO UPDATE SET "
                        + "state = 'ACTIVE', next_run_at = least(integration_syncs.next_run_at, excluded.next_run_at), "
                        + "last_error = CASE WHEN integration_syncs.state = 'ACTIVE' THEN integration_syncs.last_error END",
                integration.id(), data.name(), integration.userId(), integration.provider().name(), timestamp(firstRun));
    }

    /** Stops syncing the streams not in {@code kept} and deletes what they brought in. */
    void dropStreamsExcept(UUID integrationId, Set<SyncedData> kept) {
        Transactions.inTransaction(db, tx -> {
            for (SyncedData data : SyncedData.values()) {
                if (!kept.contains(data)) {
                    tx.delete("DELETE FROM integration_syncs WHERE integration_id = ?::uuid AND stream = ?", integrationId, data.name());
                    tx.delete("DELETE FROM " + table(data) + " WHERE integration_id = ?::uuid", integrationId);
                }
            }
            return null;
        });
    }

    List<SyncState> streamsOf(UUID userId) {
        return db.execute().query("SELECT " + STATE_COLUMNS + " FROM integration_syncs WHERE user_id = ?::uuid "
                        + "ORDER BY provider, integration_id, stream", userId)
                .map(SyncRepository::state).toList();
    }

    /** Makes the integration's streams due now; false when it is not this person's. */
    boolean makeDue(UUID userId, UUID integrationId, Instant now) {
        return db.execute().update("UPDATE integration_syncs SET next_run_at = least(next_run_at, ?) "
                + "WHERE integration_id = ?::uuid AND user_id = ?::uuid", timestamp(now), integrationId, userId) > 0;
    }

    /**
     * Claims up to {@code limit} due streams for {@code node} until {@code leaseUntil}: rows other nodes are claiming
     * at the same moment are skipped, and a claimed row is not due for anyone else until its lease lapses.
     */
    List<SyncState> claimDue(Instant now, Instant leaseUntil, String node, int limit) {
        return db.execute().query("UPDATE integration_syncs s SET claimed_until = ?, claimed_by = ? "
                        + "FROM (SELECT integration_id, stream FROM integration_syncs WHERE state = 'ACTIVE' AND next_run_at <= ? "
                        + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_run_at LIMIT ? FOR UPDATE SKIP LOCKED) due "
                        + "WHERE s.integration_id = due.integration_id AND s.stream = due.stream RETURNING "
                        + prefixed("s", STATE_COLUMNS),
                        timestamp(leaseUntil), node, timestamp(now), timestamp(now), limit)
                .map(SyncRepository::state).toList();
    }

    /** Applies one page of changes and records the position after it, all or nothing. */
    <T> void applyPage(SyncState sync, Position before, Page<T> page, Position after) {
        Transactions.inTransaction(db, tx -> {
            List<String> removed = new ArrayList<>(page.removedIds());
            switch (sync.data()) {
                case CALENDAR -> writeEvents(tx, sync, after.generation(), cast(page.changed()), page.removedIds());
                case MAIL -> writeMail(tx, sync, after.generation(), cast(page.changed()), page.removedIds());
            }
            if (before.full() && !after.full()) {
                removed.addAll(tx.query("DELETE FROM " + table(sync.data()) + " WHERE integration_id = ?::uuid AND generation < ? "
                                + "RETURNING " + (sync.data() == SyncedData.CALENDAR ? "event_id" : "message_id") + " AS id",
                        sync.integrationId(), after.generation()).map(row -> row.column("id").get(String.class)).toList());
            }
            if (sync.data() == SyncedData.CALENDAR && (!page.changed().isEmpty() || !removed.isEmpty())) {
                List<SyncedEvent> changed = cast(page.changed());
                calendarListeners.forEach(listener -> listener.applied(tx, sync.integrationId(), changed, removed));
            }
            tx.update("UPDATE integration_syncs SET cursor = ?, page_cursor = ?, full_sync = ?, generation = ? "
                            + "WHERE integration_id = ?::uuid AND stream = ?",
                    after.cursor(), after.pageCursor(), after.full(), after.generation(), sync.integrationId(), sync.data().name());
            return null;
        });
    }

    void succeeded(SyncState sync, Instant now, Instant nextRun, int changes) {
        db.execute().update("UPDATE integration_syncs SET claimed_until = NULL, claimed_by = NULL, last_run_at = ?, "
                        + "last_success_at = ?, last_error = NULL, last_error_at = NULL, failures = 0, last_changes = ?, "
                        + "items = (SELECT count(*) FROM " + table(sync.data()) + " WHERE integration_id = ?::uuid), next_run_at = ? "
                        + "WHERE integration_id = ?::uuid AND stream = ?",
                timestamp(now), timestamp(now), changes, sync.integrationId(), timestamp(nextRun), sync.integrationId(),
                sync.data().name());
    }

    void failed(SyncState sync, Instant now, String error, Instant nextRun) {
        db.execute().update("UPDATE integration_syncs SET claimed_until = NULL, claimed_by = NULL, last_run_at = ?, "
                        + "last_error = ?, last_error_at = ?, failures = failures + 1, next_run_at = ?, "
                        + "items = (SELECT count(*) FROM " + table(sync.data()) + " WHERE integration_id = ?::uuid) "
                        + "WHERE integration_id = ?::uuid AND stream = ?",
                timestamp(now), error, timestamp(now), timestamp(nextRun), sync.integrationId(), sync.integrationId(),
                sync.data().name());
    }

    /** The grant is gone: nothing is tried until the person reconnects (which calls {@link #upsertStream}). */
    void needsReconnect(SyncState sync, Instant now, String error) {
        db.execute().update("UPDATE integration_syncs SET claimed_until = NULL, claimed_by = NULL, state = 'NEEDS_RECONNECT', "
                        + "last_run_at = ?, last_error = ?, last_error_at = ? WHERE integration_id = ?::uuid AND stream = ?",
                timestamp(now), error, timestamp(now), sync.integrationId(), sync.data().name());
    }

    /** Gives a claim back untouched, due again at {@code nextRun} (another holder of its lock is syncing it). */
    void release(SyncState sync, Instant nextRun) {
        db.execute().update("UPDATE integration_syncs SET claimed_until = NULL, claimed_by = NULL, next_run_at = ? "
                + "WHERE integration_id = ?::uuid AND stream = ?", timestamp(nextRun), sync.integrationId(), sync.data().name());
    }

    /** Disconnect: the sync state and everything synced go. */
    void deleteIntegration(UUID integrationId) {
        Transactions.inTransaction(db, tx -> {
            tx.delete("DELETE FROM calendar_events WHERE integration_id = ?::uuid", integrationId);
            tx.delete("DELETE FROM mail_headers WHERE integration_id = ?::uuid", integrationId);
            tx.delete("DELETE FROM integration_syncs WHERE integration_id = ?::uuid", integrationId);
            return null;
        });
    }

    /** A stored event, with the integration and provider whose calendar it is in. */
    record StoredEvent(UUID integrationId, Provider provider, SyncedEvent event) {
    }

    /**
     * The person's events that may show between {@code from} and {@code to}: one-off events overlapping it (all-day
     * ones by the local dates {@code fromDate}..{@code toDate}, end exclusive), every series starting before its end,
     * and every changed or cancelled occurrence, wherever it moved (the expansion leaves out what they replace).
     */
    List<StoredEvent> eventsAround(UUID userId, Instant from, Instant to, LocalDate fromDate, LocalDate toDate) {
        return db.execute().query("SELECT s.provider, " + prefixed("e", EVENT_COLUMNS) + " FROM calendar_events e "
                                + "JOIN integration_syncs s ON s.integration_id = e.integration_id AND s.stream = 'CALENDAR' "
                                + "WHERE e.user_id = ?::uuid AND (e.series_id IS NOT NULL "
                                + "OR (e.recurrence IS NOT NULL AND (e.starts_at < ? OR e.start_date <= ?)) "
                                + "OR (e.recurrence IS NULL AND (e.starts_at < ? AND e.ends_at > ? OR e.start_date <= ? AND e.end_date > ?)))",
                        userId, timestamp(to), Date.valueOf(toDate), timestamp(to), timestamp(from), Date.valueOf(toDate),
                        Date.valueOf(fromDate))
                .map(row -> new StoredEvent(row.column("integration_id").get(UUID.class),
                        Provider.valueOf(row.column("provider").get(String.class)), event(row)))
                .toList();
    }

    private static final String MAIL_COLUMNS = "m.integration_id, i.provider, m.message_id, m.thread_id, m.from_name, "
            + "m.from_address, m.to_addresses, m.subject, m.received_at, to_json(m.labels)::text AS labels_json, m.snippet, "
            + "m.unread, m.link, m.folder";

    /**
     * Unread inbox mail from people the person wrote to since {@code sentSince}, newest first. What the person wrote
     * is read from the synced headers: their sent mail (Gmail's label SENT, Outlook's Sent Items), and any header whose
     * sender is the connected account itself; every address in its To header counts.
     */
    List<SyncedMessage> unreadFromCorrespondents(UUID userId, Instant sentSince, int limit) {
        return db.execute().query("WITH written_to AS (SELECT DISTINCT lower(a[1]) AS address FROM mail_headers s "
                                + "JOIN integrations si ON si.id = s.integration_id, "
                                + "regexp_matches(coalesce(s.to_addresses, ''), '([A-Za-z0-9._%+''-]+@[A-Za-z0-9.-]+)', 'g') AS a "
                                + "WHERE s.user_id = ?::uuid AND s.received_at >= ? "
                                + "AND (s.folder = 'SENT' OR lower(s.from_address) = lower(si.account_email))) "
                                + "SELECT " + MAIL_COLUMNS + " FROM mail_headers m JOIN integrations i ON i.id = m.integration_id "
                                + "WHERE m.user_id = ?::uuid AND m.unread AND m.folder = 'INBOX' "
                                + "AND (i.provider = 'microsoft' OR 'INBOX' = ANY(m.labels)) "
                                + "AND lower(m.from_address) IN (SELECT address FROM written_to) "
                                + "ORDER BY m.received_at DESC, m.message_id LIMIT ?",
                        userId, timestamp(sentSince), userId, limit)
                .map(SyncRepository::storedMail).toList();
    }

    /** One of the person's synced messages; empty when it is not theirs or no longer synced. */
    Optional<SyncedMessage> mail(UUID userId, UUID integrationId, String messageId) {
        return db.execute().get("SELECT " + MAIL_COLUMNS + " FROM mail_headers m JOIN integrations i ON i.id = m.integration_id "
                        + "WHERE m.user_id = ?::uuid AND m.integration_id = ?::uuid AND m.message_id = ?", userId, integrationId, messageId)
                .map(SyncRepository::storedMail);
    }

    private static SyncedMessage storedMail(DbRow row) {
        return new SyncedMessage(row.column("integration_id").get(UUID.class),
                Provider.ofCode(row.column("provider").get(String.class)).orElseThrow(),
                new MailHeader(row.column("message_id").get(String.class), row.column("thread_id").get(String.class),
                        row.column("from_name").get(String.class), row.column("from_address").get(String.class),
                        row.column("to_addresses").get(String.class), row.column("subject").get(String.class),
                        nullableInstant(row, "received_at"), read(row.column("labels_json").get(String.class)),
                        row.column("snippet").get(String.class), row.column("unread").get(Boolean.class),
                        row.column("link").get(String.class),
                        MailHeader.Folder.valueOf(row.column("folder").get(String.class))));
    }

    private static void writeEvents(DbExecute tx, SyncState sync, long generation, List<SyncedEvent> events, List<String> removed) {
        if (!removed.isEmpty()) {
            String ids = json(removed);
            tx.delete("DELETE FROM calendar_events WHERE integration_id = ?::uuid AND (event_id IN "
                    + "(SELECT jsonb_array_elements_text(?::jsonb)) OR series_id IN (SELECT jsonb_array_elements_text(?::jsonb)))",
                    sync.integrationId(), ids, ids);
        }
        if (events.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SyncedEvent e : lastOfEach(events, SyncedEvent::id)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("title", e.title());
            row.put("location", e.location());
            row.put("starts_at", text(e.startsAt()));
            row.put("ends_at", text(e.endsAt()));
            row.put("start_date", text(e.startDate()));
            row.put("end_date", text(e.endDate()));
            row.put("busy", e.busy());
            row.put("link", e.link());
            row.put("recurrence", e.recurrence());
            row.put("time_zone", e.timeZone());
            row.put("series_id", e.seriesId());
            row.put("original_start", e.originalStart());
            row.put("cancelled", e.cancelled());
            rows.add(row);
        }
        tx.insert("INSERT INTO calendar_events (integration_id, event_id, user_id, title, location, starts_at, ends_at, "
                        + "start_date, end_date, busy, link, recurrence, time_zone, series_id, original_start, cancelled, generation) "
                        + "SELECT ?::uuid, e.id, ?::uuid, e.title, e.location, e.starts_at, e.ends_at, e.start_date, e.end_date, "
                        + "e.busy, e.link, e.recurrence, e.time_zone, e.series_id, e.original_start, e.cancelled, ? "
                        + "FROM jsonb_to_recordset(?::jsonb) AS e(id text, title text, location text, starts_at timestamptz, "
                        + "ends_at timestamptz, start_date date, end_date date, busy boolean, link text, recurrence text[], "
                        + "time_zone text, series_id text, original_start text, cancelled boolean) "
                        + "ON CONFLICT (integration_id, event_id) DO UPDATE SET title = excluded.title, location = excluded.location, "
                        + "starts_at = excluded.starts_at, ends_at = excluded.ends_at, start_date = excluded.start_date, "
                        + "end_date = excluded.end_date, busy = excluded.busy, link = excluded.link, recurrence = excluded.recurrence, "
                        + "time_zone = excluded.time_zone, series_id = excluded.series_id, original_start = excluded.original_start, "
                        + "cancelled = excluded.cancelled, generation = excluded.generation",
                sync.integrationId(), sync.userId(), generation, json(rows));
    }

    private static void writeMail(DbExecute tx, SyncState sync, long generation, List<MailHeader> headers, List<String> removed) {
        if (!removed.isEmpty()) {
            tx.delete("DELETE FROM mail_headers WHERE integration_id = ?::uuid AND message_id IN "
                    + "(SELECT jsonb_array_elements_text(?::jsonb))", sync.integrationId(), json(removed));
        }
        if (headers.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MailHeader m : lastOfEach(headers, MailHeader::id)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.id());
            row.put("thread_id", m.threadId());
            row.put("from_name", m.fromName());
            row.put("from_address", m.fromAddress());
            row.put("to_addresses", m.to());
            row.put("subject", m.subject());
            row.put("received_at", text(m.receivedAt()));
            row.put("labels", m.labels());
            row.put("snippet", m.snippet());
            row.put("unread", m.unread());
            row.put("link", m.link());
            row.put("folder", m.folder().name());
            rows.add(row);
        }
        tx.insert("INSERT INTO mail_headers (integration_id, message_id, user_id, thread_id, from_name, from_address, "
                        + "to_addresses, subject, received_at, labels, snippet, unread, link, folder, generation) "
                        + "SELECT ?::uuid, m.id, ?::uuid, m.thread_id, m.from_name, m.from_address, m.to_addresses, m.subject, "
                        + "m.received_at, coalesce(m.labels, '{}'), m.snippet, m.unread, m.link, m.folder, ? "
                        + "FROM jsonb_to_recordset(?::jsonb) AS m(id text, thread_id text, from_name text, from_address text, "
                        + "to_addresses text, subject text, received_at timestamptz, labels text[], snippet text, unread boolean, link text, "
                        + "folder text) "
                        + "ON CONFLICT (integration_id, message_id) DO UPDATE SET thread_id = excluded.thread_id, "
                        + "from_name = excluded.from_name, from_address = excluded.from_address, to_addresses = excluded.to_addresses, "
                        + "subject = excluded.subject, received_at = excluded.received_at, labels = excluded.labels, "
                        + "snippet = excluded.snippet, unread = excluded.unread, link = excluded.link, folder = excluded.folder, "
                        + "generation = excluded.generation",
                sync.integrationId(), sync.userId(), generation, json(rows));
    }

    /** A page may name one item twice (changed, then changed again): the later one stands. */
    private static <T> Collection<T> lastOfEach(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        return byId.values();
    }

    private static SyncState state(DbRow row) {
        return new SyncState(
                row.column("integration_id").get(UUID.class),
                SyncedData.valueOf(row.column("stream").get(String.class)),
                row.column("user_id").get(UUID.class),
                Provider.valueOf(row.column("provider").get(String.class)),
                SyncState.State.valueOf(row.column("state").get(String.class)),
                new Position(row.column("cursor").get(String.class), row.column("page_cursor").get(String.class),
                        row.column("full_sync").get(Boolean.class), row.column("generation").get(Long.class)),
                nullableInstant(row, "next_run_at"),
                nullableInstant(row, "last_success_at"),
                row.column("last_error").get(String.class),
                nullableInstant(row, "last_error_at"),
                row.column("failures").get(Integer.class),
                row.column("items").get(Integer.class));
    }

    private static SyncedEvent event(DbRow row) {
        Date startDate = row.column("start_date").get(Date.class);
        Date endDate = row.column("end_date").get(Date.class);
        String recurrence = row.column("recurrence_json").get(String.class);
        return new SyncedEvent(
                row.column("event_id").get(String.class),
                row.column("title").get(String.class),
                row.column("location").get(String.class),
                nullableInstant(row, "starts_at"),
                nullableInstant(row, "ends_at"),
                startDate == null ? null : startDate.toLocalDate(),
                endDate == null ? null : endDate.toLocalDate(),
                row.column("busy").get(Boolean.class),
                row.column("link").get(String.class),
                recurrence == null ? null : read(recurrence),
                row.column("time_zone").get(String.class),
                row.column("series_id").get(String.class),
                row.column("original_start").get(String.class),
                row.column("cancelled").get(Boolean.class));
    }

    private static String table(SyncedData data) {
        return switch (data) {
            case CALENDAR -> "calendar_events";
            case MAIL -> "mail_headers";
        };
    }

    private static String prefixed(String alias, String columns) {
        return java.util.Arrays.stream(columns.split(", "))
                .map(c -> c.startsWith("to_json(") ? c.replace("to_json(", "to_json(" + alias + ".") : alias + "." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> items) {
        return (List<T>) items;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable recurrence column", e);
        }
    }
}
