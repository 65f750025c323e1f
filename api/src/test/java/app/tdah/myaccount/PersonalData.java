package app.tdah.myaccount;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tdah.graphql.GlobalId;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;
import app.tdah.testing.TestDates;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person with a row in every table that holds personal data: what the API makes through the API (tasks, a subtask,
 * reminders, a completion, a calendar feed, sessions), the rest straight in the database (a miss, a delivery, a
 * notification, a phone, text messages, mail) with the secrets such rows carry, so tests can look for them.
 */
record PersonalData(TestAccounts.SignedUp person, UUID userId, String taskTitle, String icalUrl, String phone) {

    static final String VERIFICATION_CODE = "493817";
    static final String RESET_LINK_SECRET = "reset-secret-6b1f0c";
    /** The tables this fixture puts at least one of the person's rows in. */
    static final List<String> TABLES = List.of("users", "refresh_tokens", "tasks", "task_reminders", "task_completions",
            "task_misses", "reminder_deliveries", "notifications", "ical_feeds", "phones", "sms_messages");

    private static final String CREATE = """
            mutation C($i: CreateTaskInput!) { createTask(input: $i) { task { id reminders { id } } userErrors { message } } }""";

    static PersonalData of(ServerExtension server, TestAccounts.SignedUp person) {
        GraphQlClient client = person.client();
        String title = "water the ficus " + UUID.randomUUID();
        JsonNode task = client.execute(CREATE, Map.of("i", Map.of("title", title, "dueDate", TestDates.future("03-10"),
                "reminders", List.of(Map.of("offsetMinutes", 30))))).data("createTask").path("task");
        UUID taskId = GlobalId.decode("Task", task.path("id").asText()).orElseThrow();
        UUID reminderId = GlobalId.decode("Reminder", task.path("reminders").path(0).path("id").asText()).orElseThrow();
        client.execute(CREATE, Map.of("i", Map.of("title", "buy a watering can", "parentId", task.path("id").asText())));
        String done = client.execute(CREATE, Map.of("i", Map.of("title", "repot the basil"))).data("createTask").path("task").path("id").asText();
        client.execute("mutation D($i: CompleteTaskInput!) { completeTask(input: $i) { userErrors { message } } }", Map.of("i", Map.of("id", done)));
        String icalUrl = client.execute("mutation { rotateIcalFeed { url } }").data("rotateIcalFeed").path("url").asText();
        // A verified number belongs to one person only.
        String phone = "+1555" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID userId = sql.userId(person.email());
            sql.update("INSERT INTO task_misses (task_id, user_id, occurrence_due) VALUES (?, ?, ?::date)", taskId, userId,
                    TestDates.future("03-03"));
            sql.update("INSERT INTO reminder_deliveries (id, reminder_id, task_id, user_id, fire_at, channel) "
                    + "VALUES (?, ?, ?, ?, now(), 'IN_APP')", UUID.randomUUID(), reminderId, taskId, userId);
            sql.update("INSERT INTO notifications (id, user_id, task_id, title, body) VALUES (?, ?, ?, ?, 'in 30 minutes')",
                    UUID.randomUUID(), userId, taskId, title);
            sql.update("INSERT INTO phones (user_id, e164, verified_at, code_hash) VALUES (?, ?, now(), ?)",
                    userId, phone, new byte[] {1, 2, 3, 4});
            sql.update("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status) "
                    + "VALUES (?, 'OUTBOUND', ?, ?, ?, 'GSM7', 1, 'VERIFICATION', 'DELIVERED')",
                    UUID.randomUUID(), userId, phone, "Your code is " + VERIFICATION_CODE);
            sql.update("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status) "
                    + "VALUES (?, 'INBOUND', ?, ?, 'done ficus', 'GSM7', 1, 'INBOUND', 'RECEIVED')",
                    UUID.randomUUID(), userId, phone);
            sql.update("INSERT INTO mail_outbox (id, user_id, recipient, subject, text_body, html_body, kind, idempotency_key) "
                    + "VALUES (?, ?, ?, 'Reset your password', ?, ?, 'PASSWORD_RESET', ?)", UUID.randomUUID(), userId, person.email(),
                    "https://pa.example/reset?token=" + RESET_LINK_SECRET, "<a href=\"https://pa.example/reset?token="
                            + RESET_LINK_SECRET + "\">reset</a>", "reset:" + UUID.randomUUID());
            sql.update("INSERT INTO mail_outbox (id, user_id, recipient, subject, text_body, html_body, kind, idempotency_key) "
                    + "VALUES (?, ?, ?, 'Reminder', ?, '<p>reminder</p>', 'REMINDER', ?)", UUID.randomUUID(), userId, person.email(),
                    "Reminder: " + title, "reminder:" + UUID.randomUUID());
            return new PersonalData(person, userId, title, icalUrl, phone);
        }
    }

    String icalToken() {
        return icalUrl.substring(icalUrl.lastIndexOf('/') + 1, icalUrl.length() - ".ics".length());
    }
}
