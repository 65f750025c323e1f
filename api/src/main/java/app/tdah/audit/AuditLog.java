package app.tdah.audit;

import static app.tdah.platform.SqlValues.instant;
import static app.tdah.platform.SqlValues.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.tdah.paging.Page;
import app.tdah.paging.PageRequest;
import app.tdah.paging.SequenceCursor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * The security audit trail: every event is written before the request that caused it is answered, so nothing a
 * person was told happened is missing from it, save the refusals of anonymous floods beyond their cap
 * ({@link AnonymousRefusalLimit}). All SQL of the audit feature is here.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };
    private static final int MAX_USER_AGENT = 512;

    private final DbClient db;
    private final Optional<AnonymousRefusalLimit> anonymousRefusals;

    /** For a one-off tool (rotate-keys): every event is written. */
    public AuditLog(DbClient db) {
        this(db, Optional.empty());
    }

    /** For a serving node: anonymous refusals are capped by {@code anonymousRefusals}. */
    public AuditLog(DbClient db, AnonymousRefusalLimit anonymousRefusals) {
        this(db, Optional.of(anonymousRefusals));
    }

    private AuditLog(DbClient db, Optional<AnonymousRefusalLimit> anonymousRefusals) {
        this.db = db;
        this.anonymousRefusals = anonymousRefusals;
    }

    public void record(AuditEvent event) {
        record(db.execute(), event);
    }

    /** Records inside the caller's transaction: the change and its audit row are durable together or not at all. */
    public void record(DbExecute exec, AuditEvent event) {
        Optional<AuditEvent> admitted = anonymousRefusals.isPresent() ? anonymousRefusals.get().admit(event) : Optional.of(event);
        admitted.ifPresent(written -> insert(exec, written));
    }

    private static void insert(DbExecute exec, AuditEvent event) {
        String userAgent = event.client().userAgent();
        exec.insert("INSERT INTO audit_events (action, outcome, actor_id, subject_id, ip, user_agent, details) "
                        + "VALUES (?, ?, ?::uuid, ?::uuid, ?, ?, ?::jsonb)",
                event.action().code(), event.outcome().name().toLowerCase(java.util.Locale.ROOT),
                event.actorId(), event.subjectId(), event.client().ip(),
                userAgent != null && userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent,
                json(event.details()));
    }

    /** A stored event, as the admin audit view and the data export show it. */
    public record Entry(long id, Instant occurredAt, AuditAction action, AuditEvent.Outcome outcome, UUID actorId,
                        UUID subjectId, String ip, String userAgent, Map<String, String> details) {
    }

    /** Which events to list; empty parts match everything. */
    public record Filter(Optional<AuditAction> action, Optional<UUID> person, Optional<AuditEvent.Outcome> outcome,
                         Optional<Instant> from, Optional<Instant> until) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * A page of the events the filter matches, newest first (keyset paging on the identity column, which grows with
     * time). {@code person} matches the actor or the subject.
     */
    public Page<Entry> page(Filter filter, PageRequest<SequenceCursor> request) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, action, outcome, actor_id, subject_id, ip, user_agent, "
                + "details::text AS details FROM audit_events WHERE ").append(matching(filter, params));
        request.after().ifPresent(after -> {
            sql.append(" AND id < ?");
            params.add(after.id());
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(request.fetchSize());
        List<Entry> rows = db.execute().query(sql.toString(), params.toArray()).map(AuditLog::entry).toList();
        List<Object> countParams = new ArrayList<>();
        long total = db.execute().get("SELECT count(*) AS n FROM audit_events WHERE " + matching(filter, countParams),
                        countParams.toArray())
                .map(row -> row.column("n").get(Long.class)).orElse(0L);
        return request.page(rows, total);
    }

    /** The filter as SQL conditions, its parameters added to {@code params}. */
    private static String matching(Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("true");
        filter.action().ifPresent(a -> {
            sql.append(" AND action = ?");
            params.add(a.code());
        });
        filter.person().ifPresent(p -> {
            sql.append(" AND (actor_id = ?::uuid OR subject_id = ?::uuid)");
            params.add(p);
            params.add(p);
        });
        filter.outcome().ifPresent(o -> {
            sql.append(" AND outcome = ?");
            params.add(o.name().toLowerCase(java.util.Locale.ROOT));
        });
        filter.from().ifPresent(f -> {
            sql.append(" AND occurred_at >= ?");
            params.add(timestamp(f));
        });
        filter.until().ifPresent(u -> {
            sql.append(" AND occurred_at < ?");
            params.add(timestamp(u));
        });
        return sql.toString();
    }

    /**
     * After an account is deleted its events stay, naming a pseudonym instead of the person: the same pseudonym on
     * every row, so the trail still reads as one person's, and no way back to who it was.
     */
    public long pseudonymise(DbExecute exec, UUID userId, UUID pseudonym) {
        return exec.update("UPDATE audit_events SET "
                        + "actor_id = CASE WHEN actor_id = ?::uuid THEN ?::uuid ELSE actor_id END, "
                        + "subject_id = CASE WHEN subject_id = ?::uuid THEN ?::uuid ELSE subject_id END, "
                        + "ip = NULL, user_agent = NULL, details = details - 'email' "
                        + "WHERE actor_id = ?::uuid OR subject_id = ?::uuid",
                userId, pseudonym, userId, pseudonym, userId, userId);
    }

    private static Entry entry(DbRow row) {
        try {
            return new Entry(row.column("id").get(Long.class), instant(row, "occurred_at"),
                    AuditAction.ofCode(row.column("action").get(String.class)),
                    AuditEvent.Outcome.valueOf(row.column("outcome").get(String.class).toUpperCase(java.util.Locale.ROOT)),
                    row.column("actor_id").get(UUID.class), row.column("subject_id").get(UUID.class),
                    row.column("ip").get(String.class), row.column("user_agent").get(String.class),
                    JSON.readValue(row.column("details").get(String.class), DETAILS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit details", e);
        }
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
