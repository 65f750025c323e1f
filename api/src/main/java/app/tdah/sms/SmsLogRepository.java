package app.tdah.sms;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.nullableInstant;
import static app.tdah.platform.SqlValues.timestamp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.paging.KeysetCursor;
import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** All SQL of reading the SMS log: a person's own texts, and the operators' analytics over everyone's. */
public final class SmsLogRepository {

    private static final String COLUMNS = "id, user_id, direction, phone, body, encoding, segments, kind, status, last_error, "
            + "created_at, sent_at, status_at";
    /** Billable: see SmsMessage.billable(). Failed and tried: see SmsStats. */
    private static final String STATS = "count(*) FILTER (WHERE direction = 'INBOUND') AS inbound, "
            + "count(*) FILTER (WHERE direction = 'OUTBOUND') AS outbound, "
            + "coalesce(sum(segments), 0) AS segments, "
            + "coalesce(sum(segments) FILTER (WHERE direction = 'INBOUND' OR (sent_at IS NOT NULL AND status <> 'FAILED')), 0) AS billable_segments, "
            + "count(*) FILTER (WHERE direction = 'OUTBOUND' AND status IN ('FAILED', 'UNDELIVERED', 'DEAD')) AS failed, "
            + "count(*) FILTER (WHERE direction = 'OUTBOUND' AND status NOT IN ('PENDING', 'SENDING', 'SKIPPED')) AS tried, "
            + "percentile_cont(0.5) WITHIN GROUP (ORDER BY send_ms) FILTER (WHERE send_ms IS NOT NULL) AS send_p50, "
            + "percentile_cont(0.95) WITHIN GROUP (ORDER BY send_ms) FILTER (WHERE send_ms IS NOT NULL) AS send_p95, "
            + "percentile_cont(0.5) WITHIN GROUP (ORDER BY delivery_ms) FILTER (WHERE delivery_ms IS NOT NULL) AS delivery_p50, "
            + "percentile_cont(0.95) WITHIN GROUP (ORDER BY delivery_ms) FILTER (WHERE delivery_ms IS NOT NULL) AS delivery_p95";

    private final DbClient db;

    public SmsLogRepository(DbClient db) {
        this.db = db;
    }

    /** Totals over the window, and one entry per UTC day in it that had texts. */
    record Analytics(SmsStats totals, Map<LocalDate, SmsStats> days) {
    }

    Page<SmsMessage> page(UUID userId, PageRequest<KeysetCursor> request) {
        List<Object> params = new ArrayList<>(List.of(userId));
        String keyset = KeysetCursor.continuing(request.after(), "created_at", "id", params);
        params.add(request.fetchSize());
        List<SmsMessage> rows = db.execute().query("SELECT " + COLUMNS + " FROM sms_messages WHERE user_id = ?::uuid "
                        + keyset + "ORDER BY created_at DESC, id DESC LIMIT ?", params.toArray())
                .map(SmsLogRepository::message)
                .toList();
        long total = db.execute().get("SELECT count(*) AS n FROM sms_messages WHERE user_id = ?::uuid", userId)
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
        return request.page(rows, total);
    }

    Optional<SmsMessage> find(UUID userId, UUID id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM sms_messages WHERE id = ?::uuid AND user_id = ?::uuid", id, userId)
                .map(SmsLogRepository::message);
    }

    /** Texts created in [from, until), grouped by UTC day and in total, in one statement. */
    Analytics analytics(Instant from, Instant until) {
        List<Grouped> rows = db.execute().query("WITH m AS (SELECT (created_at AT TIME ZONE 'UTC')::date AS day, direction, segments, "
                                + "status, sent_at, "
                                + "CASE WHEN direction = 'OUTBOUND' AND sent_at IS NOT NULL "
                                + "THEN extract(epoch FROM sent_at - created_at) * 1000 END AS send_ms, "
                                + "CASE WHEN direction = 'OUTBOUND' AND status = 'DELIVERED' AND status_at IS NOT NULL "
                                + "THEN extract(epoch FROM status_at - created_at) * 1000 END AS delivery_ms "
                                + "FROM sms_messages WHERE created_at >= ? AND created_at < ?) "
                                + "SELECT day, GROUPING(day) = 1 AS is_total, " + STATS + " FROM m "
                                + "GROUP BY GROUPING SETS ((day), ()) ORDER BY is_total, day",
                        timestamp(from), timestamp(until))
                .map(row -> new Grouped(row.column("is_total").get(Boolean.class),
                        Optional.ofNullable(row.column("day").get(java.sql.Date.class)).map(java.sql.Date::toLocalDate).orElse(null),
                        stats(row)))
                .toList();
        Map<LocalDate, SmsStats> days = new LinkedHashMap<>();
        SmsStats totals = SmsStats.NONE;
        for (Grouped row : rows) {
            if (row.total()) {
                totals = row.stats();
            } else {
                days.put(row.day(), row.stats());
            }
        }
        return new Analytics(totals, days);
    }

    /** A row of the analytics statement: one day's counts, or the window's totals. */
    private record Grouped(boolean total, LocalDate day, SmsStats stats) {
    }

    private static SmsStats stats(DbRow row) {
        return new SmsStats(
                row.column("inbound").get(Long.class),
                row.column("outbound").get(Long.class),
                number(row, "segments").longValue(),
                number(row, "billable_segments").longValue(),
                row.column("failed").get(Long.class),
                row.column("tried").get(Long.class),
                nullableDouble(row, "send_p50"),
                nullableDouble(row, "send_p95"),
                nullableDouble(row, "delivery_p50"),
                nullableDouble(row, "delivery_p95"));
    }

    private static Number number(DbRow row, String column) {
        return row.column(column).get(Number.class);
    }

    private static Double nullableDouble(DbRow row, String column) {
        Number value = row.column(column).get(Number.class);
        return value == null ? null : value.doubleValue();
    }

    private static SmsMessage message(DbRow row) {
        return new SmsMessage(
                row.column("id").get(UUID.class),
                row.column("user_id").get(UUID.class),
                row.column("direction").get(String.class),
                row.column("phone").get(String.class),
                row.column("body").get(String.class),
                row.column("encoding").get(String.class),
                row.column("segments").get(Integer.class),
                row.column("kind").get(String.class),
                row.column("status").get(String.class),
                row.column("last_error").get(String.class),
                instant(row, "created_at"),
                nullableInstant(row, "sent_at"),
                nullableInstant(row, "status_at"));
    }
}
