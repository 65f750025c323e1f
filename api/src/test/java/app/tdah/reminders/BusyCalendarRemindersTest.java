package app.tdah.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.integrations.sync.CalendarEvents;
import app.tdah.integrations.sync.SyncRepository;
import app.tdah.mail.MailOutboxRepository;
import app.tdah.mail.MailService;
import app.tdah.platform.Database;
import app.tdah.sms.SmsOutbox;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestServices;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reminders that fall inside a busy event of the person's synced calendars wait until it ends (back-to-back meetings
 * included); high-priority and urgent ones go at once, free ("transparent") and all-day events hold nothing, and
 * another person's meetings are not theirs. The dispatcher runs on a clock of the test's, over the real database.
 */
class BusyCalendarRemindersTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    /** Far from now, so that the server's own dispatcher (on the real clock) never takes these reminders. */
    private static final Instant TEN_AM = Instant.parse("2031-03-04T10:00:00Z");

    private record Person(UUID userId, UUID integrationId, GraphQlClient client) {
    }

    private static Person personWithCalendar() {
        TestAccounts.SignedUp signedUp = TestAccounts.signUp(server.baseUrl(), "UTC");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID userId = sql.userId(signedUp.email());
            UUID integrationId = UUID.randomUUID();
            sql.update("UPDATE users SET quiet_start = '00:00', quiet_end = '00:00' WHERE id = ?", userId);
            sql.update("INSERT INTO integrations (id, user_id, provider, account_id, account_email, granted_scope, status, "
                    + "connected_at, status_changed_at, access_token_sealed, access_token_expires_at, refresh_token_sealed) "
                    + "VALUES (?, ?, 'google', ?, ?, '', 'CONNECTED', now(), now(), '\\x00'::bytea, now(), '\\x00'::bytea)",
                    integrationId, userId, "account-" + integrationId, signedUp.email());
            sql.update("INSERT INTO integration_syncs (integration_id, stream, user_id, provider, next_run_at) "
                    + "VALUES (?, 'CALENDAR', ?, 'GOOGLE', now() + interval '1 day')", integrationId, userId);
            return new Person(userId, integrationId, signedUp.client());
        }
    }

    /** An event as the sync stores it. */
    private static void event(Person p, String id, Instant start, Instant end, boolean busy) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("INSERT INTO calendar_events (integration_id, event_id, user_id, title, starts_at, ends_at, busy, generation) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 1)", p.integrationId(), id, p.userId(), id,
                    start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC), busy);
        }
    }

    private static void allDayEvent(Person p, String id) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("INSERT INTO calendar_events (integration_id, event_id, user_id, title, start_date, end_date, busy, generation) "
                    + "VALUES (?, ?, ?, ?, DATE '2031-03-04', DATE '2031-03-05', true, 1)", p.integrationId(), id, p.userId(), id);
        }
    }

    /** A task with one in-app reminder at {@code at}. */
    private static void reminder(Person p, String title, String priority, Instant at) {
        JsonNode payload = p.client().execute("mutation C($i: CreateTaskInput!) { createTask(input: $i) { userErrors { code message } } }",
                Map.of("i", Map.of("title", title, "priority", priority,
                        "reminders", List.of(Map.of("remindAt", at.toString(), "channels", List.of("IN_APP"))))))
                .data("createTask");
        assertThat(payload.path("userErrors")).isEmpty();
    }

    private static void dispatchAt(Instant now) {
        Database database = new Database(server.jdbcUrl(), TestServices.pgUser(), TestServices.pgPassword(), 2);
        try (DbClient db = database.openClient()) {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            CalendarEvents calendars = new CalendarEvents(new SyncRepository(db));
            RemindersFeature.dispatcher(db, new MailService(new MailOutboxRepository(db), clock), new SmsOutbox(db),
                    calendars::busyUntil, clock).dispatchDue(200);
        }
    }

    private static List<String> notified(Person p) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.column(String.class, "SELECT title FROM notifications WHERE user_id = ? ORDER BY title", p.userId());
        }
    }

    private static Instant nextFire(Person p, String title) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(java.sql.Timestamp.class, "SELECT r.next_fire_at FROM task_reminders r JOIN tasks t ON t.id = r.task_id "
                    + "WHERE t.user_id = ? AND t.title = ?", p.userId(), title).toInstant();
        }
    }

    @Test
    void aReminderInsideAMeetingWaitsUntilTheBackToBackMeetingsEndThenGoesOnce() {
        Person p = personWithCalendar();
        event(p, "standup", TEN_AM.minus(Duration.ofMinutes(15)), TEN_AM.plus(Duration.ofMinutes(15)), true);
        event(p, "review", TEN_AM.plus(Duration.ofMinutes(15)), TEN_AM.plus(Duration.ofMinutes(60)), true);
        reminder(p, "water the plants", "MEDIUM", TEN_AM);
        reminder(p, "call the school back", "HIGH", TEN_AM);
        reminder(p, "the oven", "URGENT", TEN_AM);

        dispatchAt(TEN_AM.plusSeconds(1));

        assertThat(notified(p)).containsExactly("call the school back", "the oven");
        assertThat(nextFire(p, "water the plants")).isEqualTo(TEN_AM.plus(Duration.ofMinutes(60)));

        dispatchAt(TEN_AM.plus(Duration.ofMinutes(30)));
        assertThat(notified(p)).as("still in the review").containsExactly("call the school back", "the oven");

        dispatchAt(TEN_AM.plus(Duration.ofMinutes(60)).plusSeconds(1));
        dispatchAt(TEN_AM.plus(Duration.ofMinutes(61)));
        assertThat(notified(p)).containsExactly("call the school back", "the oven", "water the plants");
    }

    @Test
    void freeAllDayAndOtherPeoplesEventsHoldNothing() {
        Person p = personWithCalendar();
        Person other = personWithCalendar();
        event(p, "focus block", TEN_AM.minus(Duration.ofMinutes(30)), TEN_AM.plus(Duration.ofMinutes(30)), false);
        allDayEvent(p, "conference");
        event(other, "their meeting", TEN_AM.minus(Duration.ofMinutes(30)), TEN_AM.plus(Duration.ofMinutes(30)), true);
        reminder(p, "stretch", "LOW", TEN_AM);

        dispatchAt(TEN_AM.plusSeconds(1));

        assertThat(notified(p)).containsExactly("stretch");
    }
}
