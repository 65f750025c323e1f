package app.tdah.ical;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.tdah.platform.BearerSecrets;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestAccounts.SignedUp;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VToDo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar feed through real HTTP: made and ended over GraphQL, read by ical4j as a calendar app would. */
class IcalFeedApiTest {

    private static final String ROTATE = "mutation { rotateIcalFeed { url feed { createdAt } userErrors { code } } }";
    private static final String REVOKE = "mutation { revokeIcalFeed { userErrors { code } } }";
    private static final String ICAL_FEED = "query { icalFeed { createdAt } }";

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start();
    private static TestSql sql;

    @BeforeAll
    static void connect() {
        sql = TestSql.connect(server.jdbcUrl());
    }

    @AfterAll
    static void disconnect() {
        sql.close();
    }

    @Test
    void aDeactivatedAccountsFeedServesNothingUntilItIsReactivated() {
        SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        String url = person.client().execute(ROTATE).data("rotateIcalFeed").path("url").asText();
        String path = url.substring(url.indexOf("/ical/"));
        assertThat(person.client().get(path).statusCode()).isEqualTo(200);

        sql.update("UPDATE users SET deactivated_at = now() WHERE email = ?", person.email());
        assertThat(person.client().get(path).statusCode()).isEqualTo(404);

        sql.update("UPDATE users SET deactivated_at = NULL WHERE email = ?", person.email());
        assertThat(person.client().get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void theFeedHasATodoForEachOpenTaskWithADueAndNothingElse() throws Exception {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "Europe/Paris");
        UUID adaId = sql.userId(ada.email());
        UUID passport = task(adaId, "title, notes, due_date, priority, tags, updated_at", "Renew passport", "Bring two photos",
                LocalDate.of(2026, 4, 2), "HIGH", new String[] {"admin", "travel"}, OffsetDateTime.parse("2026-03-01T09:00:00Z"));
        UUID dentist = task(adaId, "title, due_at, priority", "Call the dentist", OffsetDateTime.parse("2026-03-20T14:30:00Z"), "URGENT");
        reminder(dentist, adaId, "offset_minutes", 30);
        reminder(dentist, adaId, "remind_at", OffsetDateTime.parse("2026-03-20T08:00:00Z"));
        UUID plants = task(adaId, "title, due_date, priority, tags, rrule", "Water the plants", LocalDate.of(2026, 3, 23), "LOW",
                new String[] {"home"}, "FREQ=WEEKLY;BYDAY=MO");
        UUID form = task(adaId, "title, parent_id, due_date, priority", "Print the form", passport, LocalDate.of(2026, 3, 30), "MEDIUM");
        UUID stretch = task(adaId, "title, due_at, rrule", "Stretch", OffsetDateTime.parse("2026-03-21T07:00:00Z"), "FREQ=SOMETIMES");
        task(adaId, "title, due_date, status", "Already done", LocalDate.of(2026, 3, 19), "DONE");
        task(adaId, "title, due_date, status", "Called off", LocalDate.of(2026, 3, 19), "CANCELLED");
        task(adaId, "title", "Someday, no due");
        SignedUp bob = TestAccounts.signUp(server.baseUrl(), "UTC");
        task(sql.userId(bob.email()), "title, due_date", "Bob's own task", LocalDate.of(2026, 3, 19));

        Calendar calendar = fetchCalendar(rotate(ada.client()).path("url").asText());

        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID)).isPresent();
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Personal Assistant TDAH");
        Map<String, VToDo> todos = calendar.<VToDo>getComponents(Component.VTODO).stream()
                .collect(Collectors.toMap(todo -> value(todo, Property.UID), Function.identity()));
        assertThat(todos.keySet()).containsExactlyInAnyOrder(
                uid(passport), uid(dentist), uid(plants), uid(form), uid(stretch));

        VToDo allDay = todos.get(uid(passport));
        assertThat(value(allDay, Property.SUMMARY)).isEqualTo("Renew passport");
        assertThat(value(allDay, Property.DESCRIPTION)).isEqualTo("Bring two photos");
        assertThat(value(allDay, Property.DUE)).isEqualTo("20260402");
        assertThat(allDay.getProperty(Property.DUE).orElseThrow().getParameter("VALUE").orElseThrow().getValue()).isEqualTo("DATE");
        assertThat(value(allDay, Property.PRIORITY)).isEqualTo("3");
        assertThat(allDay.<net.fortuna.ical4j.model.property.Categories>getProperty(Property.CATEGORIES).orElseThrow()
                .getCategories().getTexts()).containsExactlyInAnyOrder("admin", "travel");
        assertThat(value(allDay, Property.STATUS)).isEqualTo("NEEDS-ACTION");
        assertThat(value(allDay, Property.DTSTAMP)).isEqualTo("20260301T090000Z");
        assertThat(allDay.getProperty(Property.RRULE)).isEmpty();
        assertThat(allDay.getAlarms()).isEmpty();

        VToDo timed = todos.get(uid(dentist));
        assertThat(value(timed, Property.DUE)).isEqualTo("20260320T143000Z");
        assertThat(value(timed, Property.PRIORITY)).isEqualTo("1");
        assertThat(timed.getProperty(Property.DESCRIPTION)).isEmpty();
        assertThat(timed.getProperty(Property.CATEGORIES)).isEmpty();
        assertThat(timed.getAlarms()).extracting(IcalFeedApiTest::describe).containsExactlyInAnyOrder(
                "TRIGGER;RELATED=END:-PT30M DISPLAY Call the dentist",
                "TRIGGER;VALUE=DATE-TIME:20260320T080000Z DISPLAY Call the dentist");

        VToDo recurring = todos.get(uid(plants));
        assertThat(value(recurring, Property.RRULE)).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        assertThat(value(recurring, Property.DTSTART)).isEqualTo("20260323");
        assertThat(value(recurring, Property.DUE)).isEqualTo("20260323");
        assertThat(value(recurring, Property.PRIORITY)).isEqualTo("9");
        assertThat(value(recurring, Property.CATEGORIES)).isEqualTo("home");

        VToDo subtask = todos.get(uid(form));
        assertThat(value(subtask, Property.SUMMARY)).isEqualTo("Print the form");
        assertThat(value(subtask, Property.PRIORITY)).isEqualTo("5");

        VToDo unreadableRule = todos.get(uid(stretch));
        assertThat(unreadableRule.getProperty(Property.RRULE)).isEmpty();
        assertThat(value(unreadableRule, Property.DUE)).isEqualTo("20260321T070000Z");
        assertThat(unreadableRule.getProperty(Property.PRIORITY)).isEmpty();
    }

    @Test
    void theFeedIsServedAsACacheablePrivateCalendar() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        String url = rotate(ada.client()).path("url").asText();
        HttpResponse<String> feed = get(url);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("content-type")).contains("text/calendar; charset=utf-8");
        assertThat(feed.headers().firstValue("cache-control")).contains("private, max-age=300");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");

        HttpResponse<String> head = new GraphQlClient(server.baseUrl()).send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path(url))).HEAD().build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-type")).contains("text/calendar; charset=utf-8");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void rotatingReplacesTheUrlAtOnceAndRevokingEndsIt() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        String first = rotate(ada.client()).path("url").asText();
        assertThat(get(first).statusCode()).isEqualTo(200);

        String second = rotate(ada.client()).path("url").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(get(first).statusCode()).isEqualTo(404);
        assertThat(get(second).statusCode()).isEqualTo(200);

        JsonNode revoked = ada.client().execute(REVOKE).data("revokeIcalFeed");
        assertThat(revoked.path("userErrors")).isEmpty();
        assertThat(get(second).statusCode()).isEqualTo(404);
        assertThat(ada.client().execute(REVOKE).data("revokeIcalFeed").path("userErrors")).as("revoking twice").isEmpty();
    }

    @Test
    void everyAddressWithoutALiveFeedIsTheSamePlain404() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        String revokedUrl = rotate(ada.client()).path("url").asText();
        ada.client().execute(REVOKE);
        List<String> paths = List.of(
                path(revokedUrl),
                "/ical/" + BearerSecrets.generate() + ".ics",
                "/ical/garbage.ics",
                "/ical/" + "A".repeat(43),
                "/ical/%00%ff.ics",
                "/ical/" + "x".repeat(2000) + ".ics",
                "/ical",
                "/ical/",
                "/ical/a/b.ics");
        List<HttpResponse<String>> answers = paths.stream().map(this::getPath).toList();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
            assertThat(answer.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
            assertThat(answer.body()).isEqualTo(answers.getFirst().body());
        });
    }

    @Test
    void icalFeedTellsWhenTheFeedWasMadeButNeverItsUrl() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        assertThat(ada.client().execute(ICAL_FEED).data("icalFeed").isNull()).isTrue();

        JsonNode rotated = rotate(ada.client());
        JsonNode feed = ada.client().execute(ICAL_FEED).data("icalFeed");
        assertThat(feed.path("createdAt").asText()).isEqualTo(rotated.path("feed").path("createdAt").asText());
        assertThat(feed.has("url")).isFalse();

        ada.client().execute(REVOKE);
        assertThat(ada.client().execute(ICAL_FEED).data("icalFeed").isNull()).isTrue();
    }

    @Test
    void onlyTheTokensHashIsStored() {
        SignedUp ada = TestAccounts.signUp(server.baseUrl(), "UTC");
        String url = rotate(ada.client()).path("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());

        assertThat(url).isEqualTo(server.settings().publicUrl() + "/ical/" + token + ".ics");
        assertThat(token).as("32 random bytes, base64url").matches("[A-Za-z0-9_-]{43}");
        String storedHash = sql.value(String.class, "SELECT encode(token_hash, 'hex') FROM ical_feeds WHERE user_id = ?",
                sql.userId(ada.email()));
        assertThat(storedHash).isEqualTo(HexFormat.of().formatHex(BearerSecrets.sha256(token)));
    }

    @Test
    void anonymousCallersAreToldToSignIn() {
        GraphQlClient anonymous = new GraphQlClient(server.baseUrl());
        JsonNode rotated = anonymous.execute(ROTATE).data("rotateIcalFeed");
        assertThat(rotated.path("url").isNull()).isTrue();
        assertThat(rotated.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(anonymous.execute(REVOKE).data("revokeIcalFeed").path("userErrors").get(0).path("code").asText())
                .isEqualTo("NOT_AUTHENTICATED");
        assertThat(anonymous.execute(ICAL_FEED).data("icalFeed").isNull()).isTrue();
    }

    private static UUID task(UUID userId, String columns, Object... values) {
        UUID id = UUID.randomUUID();
        String placeholders = String.join(", ", Collections.nCopies(values.length, "?"));
        Object[] parameters = new Object[values.length + 2];
        parameters[0] = id;
        parameters[1] = userId;
        System.arraycopy(values, 0, parameters, 2, values.length);
        sql.update("INSERT INTO tasks (id, user_id, " + columns + ") VALUES (?, ?, " + placeholders + ")", parameters);
        return id;
    }

    private static void reminder(UUID taskId, UUID userId, String column, Object value) {
        sql.update("INSERT INTO task_reminders (id, task_id, user_id, " + column + ") VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), taskId, userId, value);
    }

    private static JsonNode rotate(GraphQlClient client) {
        JsonNode payload = client.execute(ROTATE).data("rotateIcalFeed");
        assertThat(payload.path("userErrors")).isEmpty();
        return payload;
    }

    private static Calendar fetchCalendar(String url) throws Exception {
        HttpResponse<String> feed = get(url);
        assertThat(feed.statusCode()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        calendar.validate();
        return calendar;
    }

    /** A feed URL names the public address; the test server listens elsewhere, so only the path is requested. */
    private static HttpResponse<String> get(String url) {
        return new GraphQlClient(server.baseUrl()).get(path(url));
    }

    private HttpResponse<String> getPath(String path) {
        return new GraphQlClient(server.baseUrl()).get(path);
    }

    private static String path(String url) {
        return url.substring(server.settings().publicUrl().toString().length());
    }

    private static String uid(UUID taskId) {
        return taskId + "@personal-assistant";
    }

    private static String value(Component component, String property) {
        return component.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }

    private static String describe(VAlarm alarm) {
        return alarm.getTrigger().orElseThrow().toString().strip() + " " + value(alarm, Property.ACTION) + " "
                + value(alarm, Property.DESCRIPTION);
    }
}
