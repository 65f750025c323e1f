package app.tdah.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders fire through the clustered scheduler, once, and wait out quiet hours unless urgent. */
class ReminderDispatchTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static GraphQlClient signedIn(String email, String zone) {
        return TestAccounts.signUpAs(server.baseUrl(), email, "R", zone);
    }

    private static String createWithReminder(GraphQlClient client, String title, Instant remindAt, String priority) {
        JsonNode payload = client.execute("mutation C($i: CreateTaskInput!) { createTask(input: $i) { task { id } userErrors { code message } } }",
                Map.of("i", Map.of("title", title, "priority", priority,
                        "reminders", List.of(Map.of("remindAt", remindAt.toString(), "channels", List.of("IN_APP", "EMAIL"))))))
                .data("createTask");
        assertThat(payload.path("userErrors")).isEmpty();
        return payload.path("task").path("id").asText();
    }

    private static void sql(String statement) {
        try (TestSql db = TestSql.connect(server.jdbcUrl())) {
            db.update(statement);
        }
    }

    private static long count(String query) {
        try (TestSql db = TestSql.connect(server.jdbcUrl())) {
            return db.value(Long.class, query);
        }
    }

    /** Until the address is confirmed, nobody proved it is the person's: the reminder reaches them in the app only. */
    @Test
    void anUnconfirmedAddressGetsNoReminderMailButTheAppStillReminds() throws Exception {
        GraphQlClient client = signedIn("unconfirmed@example.com", "UTC");
        sql("UPDATE users SET quiet_start = '00:00', quiet_end = '00:00' WHERE email = 'unconfirmed@example.com'");
        createWithReminder(client, "pay rent", Instant.now().plusSeconds(1), "LOW");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (count("SELECT count(*) FROM notifications WHERE title = 'pay rent'") == 0) {
            assertThat(Instant.now()).as("the reminder fired within 20 s").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'REMINDER' AND recipient = 'unconfirmed@example.com'")).isZero();
    }

    @Test
    void aDueReminderBecomesOneNotificationAndOneDeliveryPerChannel() throws Exception {
        GraphQlClient client = signedIn("fire@example.com", "UTC");
        sql("UPDATE users SET quiet_start = '00:00', quiet_end = '00:00', email_verified_at = now() WHERE email = 'fire@example.com'");
        createWithReminder(client, "stretch", Instant.now().plusSeconds(2), "LOW");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (count("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'fire@example.com'") == 0) {
            assertThat(Instant.now()).as("the reminder fired within 20 s").isBefore(deadline);
            Thread.sleep(100);
        }
        // Several more scheduler runs pass over it: still exactly one of each.
        server.application().scheduler().triggerNow("dispatch-reminders");
        server.application().scheduler().triggerNow("dispatch-reminders");
        assertThat(count("SELECT count(*) FROM notifications WHERE title = 'stretch'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM reminder_deliveries d JOIN tasks t ON t.id = d.task_id WHERE t.title = 'stretch'")).isEqualTo(2);
        // The email channel's mail is queued in the same transaction, once.
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'REMINDER' AND recipient = 'fire@example.com' "
                + "AND subject = 'Reminder: stretch'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM task_reminders r JOIN tasks t ON t.id = r.task_id WHERE t.title = 'stretch' AND r.next_fire_at IS NULL")).isEqualTo(1);

        // "Snooze 20m": a new occurrence of the same reminder, delivered once more.
        String reminderId = client.execute("{ tasks { edges { node { title reminders { id } } } } }")
                .data("tasks").path("edges").get(0).path("node").path("reminders").get(0).path("id").asText();
        JsonNode snoozed = client.execute("mutation S($i: SnoozeReminderInput!) { snoozeReminder(input: $i) { task { reminders { nextFireAt } } userErrors { code } } }",
                Map.of("i", Map.of("id", reminderId, "minutes", 20))).data("snoozeReminder");
        Instant next = Instant.parse(snoozed.path("task").path("reminders").get(0).path("nextFireAt").asText());
        assertThat(next).isBetween(Instant.now().plusSeconds(19 * 60), Instant.now().plusSeconds(21 * 60));
        sql("UPDATE task_reminders r SET next_fire_at = now() FROM tasks t WHERE t.id = r.task_id AND t.title = 'stretch'"); // 20 minutes pass
        while (count("SELECT count(*) FROM notifications WHERE title = 'stretch'") < 2) {
            assertThat(Instant.now()).as("the snoozed reminder fired within 20 s").isBefore(deadline.plusSeconds(20));
            Thread.sleep(100);
        }
        assertThat(count("SELECT count(*) FROM reminder_deliveries d JOIN tasks t ON t.id = d.task_id WHERE t.title = 'stretch'")).isEqualTo(4);
    }

    @Test
    void quietHoursDeferNonUrgentRemindersToTheMorningButNotUrgentOnes() throws Exception {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant lateEvening = LocalDateTime.parse("2026-11-25T23:30").atZone(paris).toInstant();
        GraphQlClient client = signedIn("night@example.com", "Europe/Paris");
        // Created for any future time the server accepts today; the dispatcher below runs on its own clock.
        createWithReminder(client, "night calm", Instant.now().plus(Duration.ofDays(1)), "MEDIUM");
        createWithReminder(client, "night urgent", Instant.now().plus(Duration.ofDays(1)), "URGENT");
        // Put both reminders at 23:30 Paris, and dispatch "at" 23:31 with a dispatcher of our own clock.
        sql("UPDATE task_reminders r SET next_fire_at = '" + lateEvening + "' FROM tasks t WHERE t.id = r.task_id AND t.title LIKE 'night %'");
        Database database = new Database(server.jdbcUrl(), TestServices.pgUser(), TestServices.pgPassword(), 2);
        try (DbClient db = database.openClient()) {
            Clock evening = Clock.fixed(lateEvening.plusSeconds(60), ZoneOffset.UTC);
            RemindersFeature.dispatcher(db, new MailService(new MailOutboxRepository(db), evening), new SmsOutbox(db),
                    BusyCalendars.NONE, evening).dispatchDue(50);
        }
        assertThat(count("SELECT count(*) FROM notifications WHERE title = 'night urgent'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications WHERE title = 'night calm'")).isZero();
        Instant morning = LocalDateTime.parse("2026-11-26T08:00").atZone(paris).toInstant();
        assertThat(count("SELECT count(*) FROM task_reminders r JOIN tasks t ON t.id = r.task_id WHERE t.title = 'night calm' "
                + "AND r.next_fire_at = '" + morning + "'")).isEqualTo(1);
    }

    @Test
    void concurrentDispatchersDeliverEachReminderExactlyOnce() throws Exception {
        GraphQlClient client = signedIn("many@example.com", "UTC");
        sql("UPDATE users SET quiet_start = '00:00', quiet_end = '00:00' WHERE email = 'many@example.com'");
        createWithReminder(client, "many", Instant.now().plusSeconds(3600), "LOW");
        sql("DELETE FROM task_reminders r USING tasks t WHERE t.id = r.task_id AND t.title = 'many'");
        // 500 reminders on that task, all due now.
        sql("INSERT INTO task_reminders (id, task_id, user_id, remind_at, next_fire_at, channels) "
                + "SELECT gen_random_uuid(), t.id, t.user_id, now() + interval '1 hour', now() - interval '1 second', '{IN_APP}' "
                + "FROM tasks t CROSS JOIN generate_series(1, 500) WHERE t.title = 'many'");
        Database database = new Database(server.jdbcUrl(), TestServices.pgUser(), TestServices.pgPassword(), 8);
        try (DbClient db = database.openClient()) {
            ReminderDispatcher dispatcher = RemindersFeature.dispatcher(db,
                    new MailService(new MailOutboxRepository(db), Clock.systemUTC()), new SmsOutbox(db), BusyCalendars.NONE,
                    Clock.systemUTC());
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    int claimed;
                    do {
                        claimed = dispatcher.dispatchDue(25);
                    } while (claimed > 0);
                }));
            }
            for (var run : runs) {
                run.get();
            }
            pool.shutdown();
        }
        // The server's own scheduler dispatches too (a fourth "node"); wait until nothing is left due.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (count("SELECT count(*) FROM task_reminders r JOIN tasks t ON t.id = r.task_id WHERE t.title = 'many' "
                + "AND r.next_fire_at <= now()") > 0) {
            assertThat(Instant.now()).as("all reminders dispatched within 20 s").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(count("SELECT count(*) FROM notifications WHERE title = 'many'")).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM (SELECT reminder_id FROM reminder_deliveries GROUP BY reminder_id, fire_at, channel HAVING count(*) > 1) d")).isZero();
    }
}
