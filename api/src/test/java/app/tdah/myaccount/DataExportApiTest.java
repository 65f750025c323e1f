package app.tdah.myaccount;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;
import app.tdah.testing.TestDates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /account/export: everything the product holds about the person, for them only, and never a secret. */
class DataExportApiTest {

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExportIsADownloadForTheHolderOfAValidAccessTokenOnly() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        assertThat(export(null).statusCode()).isEqualTo(401);
        HttpResponse<String> forged = export("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("www-authenticate")).hasValue("Bearer");

        String accessToken = accessToken(person);
        HttpResponse<String> download = export(accessToken);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(download.headers().firstValue("content-disposition").orElseThrow())
                .matches("attachment; filename=\"personal-assistant-export-\\d{4}-\\d{2}-\\d{2}\\.json\"");
        assertThat(download.headers().firstValue("cache-control")).hasValue("no-store");

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM audit_events WHERE action = 'data_exported' AND subject_id = ?",
                    sql.userId(person.email()))).isEqualTo(1L);
            sql.update("UPDATE users SET deactivated_at = now() WHERE email = ?", person.email());
        }
        assertThat(export(accessToken).statusCode()).as("a deactivated account's unexpired token").isEqualTo(401);
    }

    @Test
    void theExportHoldsThePersonsDataAcrossEveryFeatureButNotOthersData() throws Exception {
        PersonalData data = PersonalData.of(server, TestAccounts.signUp(server.baseUrl(), "Europe/Paris"));
        PersonalData someoneElse = PersonalData.of(server, TestAccounts.signUp(server.baseUrl(), "UTC"));
        HttpResponse<String> download = export(accessToken(data.person()));
        JsonNode tables = JSON.readTree(download.body()).path("tables");

        assertThat(tables.path("users").path("email").asText()).isEqualTo(data.person().email());
        assertThat(tables.path("users").path("time_zone").asText()).isEqualTo("Europe/Paris");
        assertThat(tables.path("users").path("quiet_start").asText()).isEqualTo("22:00:00");
        assertThat(values(tables.path("tasks"), "title")).contains(data.taskTitle(), "buy a watering can", "repot the basil");
        assertThat(values(tables.path("tasks"), "parent_id")).as("the subtask names its parent").anyMatch(p -> !p.equals("null"));
        assertThat(tables.path("task_reminders").path(0).path("offset_minutes").asInt()).isEqualTo(30);
        assertThat(tables.path("task_reminders").path(0).path("channels").get(0).asText()).isEqualTo("IN_APP");
        assertThat(tables.path("task_completions")).hasSize(1);
        assertThat(tables.path("task_misses").path(0).path("occurrence_due").asText()).isEqualTo(TestDates.future("03-03"));
        assertThat(tables.path("reminder_deliveries")).hasSize(1);
        assertThat(tables.path("notifications").path(0).path("title").asText()).isEqualTo(data.taskTitle());
        assertThat(tables.path("ical_feeds").path(0).path("created_at").asText()).isNotEmpty();
        assertThat(tables.path("refresh_tokens").path(0).path("ip").asText()).isNotEmpty();
        assertThat(tables.path("phones").path(0).path("e164").asText()).isEqualTo(data.phone());
        assertThat(values(tables.path("sms_messages"), "body")).contains("done ficus", "(withheld: it carried a one-time code)");
        assertThat(values(tables.path("mail_outbox"), "text_body"))
                .contains("Reminder: " + data.taskTitle(), "(withheld: it carried a one-time link)");
        assertThat(values(tables.path("audit_events"), "action")).contains("registered");
        assertThat(tables.path("audit_events").path(0).path("details").isObject()).isTrue();

        assertThat(download.body()).doesNotContain(someoneElse.taskTitle()).doesNotContain(someoneElse.person().email());
    }

    /**
     * Mail belongs to the account it was sent for: after an email change, whoever signs up with the old address must
     * not find the previous owner's mail in their export, and the previous owner keeps it in theirs.
     */
    @Test
    void mailStaysWithItsAccountWhenTheAddressChangesHands() throws Exception {
        TestAccounts.SignedUp first = TestAccounts.signUp(server.baseUrl(), "UTC");
        String firstAddress = first.email();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET email = ? WHERE email = ?", "moved-" + firstAddress, firstAddress);
        }
        String token = TestAccounts.signUpAs(server.baseUrl(), firstAddress, "Bo", "UTC").accessToken().orElseThrow();

        JsonNode nextOwnersMail = JSON.readTree(export(token).body()).path("tables").path("mail_outbox");
        JsonNode firstOwnersMail = JSON.readTree(export(accessToken(new TestAccounts.SignedUp("moved-" + firstAddress,
                first.client()))).body()).path("tables").path("mail_outbox");

        assertThat(nextOwnersMail).as("only the verification mail of their own sign-up").hasSize(1);
        assertThat(firstOwnersMail).as("the first owner's verification mail, sent to the address they had then").hasSize(1);
        assertThat(firstOwnersMail.path(0).path("id").asText()).isNotEqualTo(nextOwnersMail.path(0).path("id").asText());
    }

    @Test
    void theExportShowsWhereThePersonsOwnActionsCameFromButNotOthers() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        HttpResponse<String> guess = new GraphQlClient(server.baseUrl()).send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("User-Agent", "Guesser/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query",
                        "mutation { login(input: {email: \"" + person.email() + "\", password: \"wrong-guess-123\"}) { accessToken } }"))))
                .build());
        assertThat(guess.statusCode()).isEqualTo(200);

        JsonNode events = JSON.readTree(export(accessToken(person)).body()).path("tables").path("audit_events");
        JsonNode registered = find(events, "registered");
        JsonNode failed = find(events, "sign_in_failed");
        assertThat(registered.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(registered.path("user_agent").asText()).startsWith("Java-http-client");
        assertThat(failed.path("ip").isNull()).isTrue();
        assertThat(failed.path("user_agent").isNull()).isTrue();
        assertThat(events.toString()).doesNotContain("203.0.113.66").doesNotContain("Guesser");
    }

    private static JsonNode find(JsonNode events, String action) {
        for (JsonNode event : events) {
            if (event.path("action").asText().equals(action)) {
                return event;
            }
        }
        throw new AssertionError("no " + action + " event in " + events);
    }

    @Test
    void theExportHoldsNoSecret() {
        PersonalData data = PersonalData.of(server, TestAccounts.signUp(server.baseUrl(), "UTC"));
        String accessToken = accessToken(data.person());
        String body = export(accessToken).body();

        List<String> secrets = new ArrayList<>(List.of(accessToken, data.person().client().refreshCookie().orElseThrow(),
                data.icalToken(), "correct-horse-battery-42", PersonalData.VERIFICATION_CODE, PersonalData.RESET_LINK_SECRET));
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            secrets.add(sql.value(String.class, "SELECT password_hash FROM users WHERE id = ?", data.userId()));
            secrets.addAll(sql.column(String.class, "SELECT encode(token_hash, 'hex') FROM refresh_tokens WHERE user_id = ? "
                    + "UNION ALL SELECT encode(token_hash, 'hex') FROM ical_feeds WHERE user_id = ? "
                    + "UNION ALL SELECT encode(code_hash, 'hex') FROM phones WHERE user_id = ?", data.userId(), data.userId(), data.userId()));
            secrets.addAll(sql.column(String.class, "SELECT encode(token_hash, 'base64') FROM refresh_tokens WHERE user_id = ?",
                    data.userId()));
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(10).allSatisfy(secret -> assertThat(body).doesNotContain(secret));
        assertThat(body).doesNotContainPattern("\"[a-z_]*(hash|secret|password)[a-z_]*\"\\s*:");
    }

    @Test
    void everyTableWithAUserIdIsInTheExportAndEveryColumnIsExportedOrWithheldOnPurpose() throws Exception {
        PersonalData data = PersonalData.of(server, TestAccounts.signUp(server.baseUrl(), "UTC"));
        JsonNode tables = JSON.readTree(export(accessToken(data.person())).body()).path("tables");
        Set<String> sections = new HashSet<>();
        tables.fieldNames().forEachRemaining(sections::add);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            List<String> personal = sql.column(String.class, "SELECT table_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND column_name = ? UNION SELECT 'users'", DataExport.OWNER_COLUMN);
            assertThat(sections).as("a table with a user_id column is missing from the export: add a section for it to "
                    + "DataExport.SECTIONS, withholding its secrets").containsAll(personal);

            for (DataExport.Section section : DataExport.SECTIONS) {
                List<String> columns = sql.column(String.class, "SELECT column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND table_name = ? AND column_name <> ?", section.table(), DataExport.OWNER_COLUMN);
                Set<String> decided = new HashSet<>(section.exported().keySet());
                decided.addAll(section.withheld().keySet());
                assertThat(decided).as(section.table() + ": every column is exported or withheld with a reason in DataExport")
                        .containsExactlyInAnyOrderElementsOf(columns);
                JsonNode rows = tables.path(section.table());
                JsonNode row = rows.isArray() ? rows.path(0) : rows;
                if (PersonalData.TABLES.contains(section.table())) {
                    assertThat(fieldNames(row)).as(section.table()).containsExactlyInAnyOrderElementsOf(section.exported().keySet());
                }
            }
        }
    }

    private static List<String> values(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.path(field).isTextual() ? row.path(field).asText() : row.path(field).toString()));
        return values;
    }

    private static List<String> fieldNames(JsonNode row) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** A fresh access token for the person, through a real sign-in. */
    private static String accessToken(TestAccounts.SignedUp person) {
        return new GraphQlClient(server.baseUrl()).execute(
                        "mutation L($i: LoginInput!) { login(input: $i) { accessToken } }",
                        Map.of("i", Map.of("email", person.email(), "password", "correct-horse-battery-42")))
                .data("login").path("accessToken").asText();
    }

    private static HttpResponse<String> export(String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/account/export")).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return new GraphQlClient(server.baseUrl()).send(request.build());
    }
}
