package app.tdah.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tdah.graphql.GlobalId;
import app.tdah.integrations.Capability;
import app.tdah.integrations.Provider;
import app.tdah.integrations.sync.ConnectedIntegration;
import app.tdah.testing.FakeGoogle;
import app.tdah.testing.FakeMicrosoftGraph;
import app.tdah.testing.GraphQlClient;
import app.tdah.testing.MovableClock;
import app.tdah.testing.RunningServer;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestSql;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Time found for tasks and tasks written into calendars, through the running server against fake Google and Microsoft
 * servers: free slots within working hours around synced events and timed tasks; scheduleTask writes the event
 * (only with the write capability) and the task follows the event as later syncs see it moved or deleted; the
 * "leave now" nudge goes once before an event with a place. The clock is the test's.
 */
class SchedulingTest {

    /** Monday 23 November 2026, 09:00 in Paris. */
    private static final Instant MONDAY_8AM_UTC = Instant.parse("2026-11-23T08:00:00Z");
    private static final String GOOGLE_READ = "https://www.googleapis.com/auth/calendar.readonly";
    private static final String GOOGLE_WRITE = "https://www.googleapis.com/auth/calendar.events";
    private static final String FIND_TIME = """
            query F($input: FindTimeForInput!) { findTimeFor(input: $input) {
              slots { startsAt endsAt } minutes timeZone userErrors { field code } } }""";
    private static final String SCHEDULE = """
            mutation S($input: ScheduleTaskInput!) { scheduleTask(input: $input) {
              task { id dueAt } eventLink userErrors { field code message } } }""";
    private static final String PREFERENCES = """
            mutation P($input: UpdateSchedulingPreferencesInput!) { updateSchedulingPreferences(input: $input) {
              schedulingPreferences { workStart workEnd workDays leaveNowMinutes } userErrors { field code } } }""";
    private static final String SYNC_NOW = """
            mutation SyncNow($input: SyncNowInput!) { syncNow(input: $input) { userErrors { code } } }""";
    private static final String SYNCS = "{ integrationSyncs { integrationId streams { data lastSuccessAt lastErrorAt lastError } } }";

    private static final MovableClock CLOCK = new MovableClock(MONDAY_8AM_UTC);
    private static FakeGoogle google;
    private static FakeMicrosoftGraph microsoft;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        google = new FakeGoogle(CLOCK);
        microsoft = new FakeMicrosoftGraph();
        server = RunningServer.start(Map.of(
                "pa.integrations.google.api.url", google.url(),
                "pa.integrations.microsoft.api.url", microsoft.url(),
                "pa.sync.tick.seconds", "1"), CLOCK, integrationId -> "token-" + integrationId);
    }

    @AfterAll
    static void stop() {
        server.close();
        google.close();
        microsoft.close();
    }

    private record Person(UUID userId, GraphQlClient client) {
    }

    private record Connected(UUID id, Person person) {
        String globalId() {
            return GlobalId.encode("Integration", id);
        }

        String token() {
            return "token-" + id;
        }
    }

    private static Person person(String zone) {
        TestAccounts.SignedUp signedUp = TestAccounts.signUp(server.baseUrl(), zone);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return new Person(sql.userId(signedUp.email()), signedUp.client());
        }
    }

    /** A connection as the OAuth flow stores it, granted {@code scope}; its calendar is synced from now on. */
    private static Connected connect(Person person, Provider provider, String scope) {
        UUID integrationId = UUID.randomUUID();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("INSERT INTO integrations (id, user_id, provider, account_id, account_email, granted_scope, status, "
                            + "connected_at, status_changed_at, access_token_sealed, access_token_expires_at, refresh_token_sealed) "
                            + "VALUES (?, ?, ?, ?, 'me@example.com', ?, 'CONNECTED', now(), now(), '\\x00'::bytea, now() + interval '1 hour', '\\x00'::bytea)",
                    integrationId, person.userId(), provider.code(), "account-" + integrationId, scope);
        }
        server.application().integrationSync().track(new ConnectedIntegration(integrationId, person.userId(), provider,
                Set.of(Capability.CALENDAR_READ)));
        return new Connected(integrationId, person);
    }

    /** Asks for a sync now and waits until the job has synced the calendar at the test's "now". */
    private static void sync(Connected c) {
        CLOCK.advance(Duration.ofSeconds(1));
        Instant at = CLOCK.instant();
        assertThat(c.person().client().execute(SYNC_NOW, Map.of("input", Map.of("integrationId", c.globalId())))
                .data("syncNow").path("userErrors")).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode s : c.person().client().execute(SYNCS).data("integrationSyncs")) {
                for (JsonNode stream : s.path("streams")) {
                    if (s.path("integrationId").asText().equals(c.globalId()) && stream.path("data").asText().equals("CALENDAR")) {
                        if (at.toString().equals(stream.path("lastSuccessAt").asText())) {
                            return;
                        }
                        assertThat(stream.path("lastErrorAt").asText()).as(stream.path("lastError").asText()).isNotEqualTo(at.toString());
                    }
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no calendar sync at " + at);
    }

    private static String task(Person p, String title, Integer estimate, String dueAt) {
        Map<String, Object> input = new HashMap<>(Map.of("title", title));
        if (estimate != null) {
            input.put("estimateMinutes", estimate);
        }
        if (dueAt != null) {
            input.put("dueAt", dueAt);
        }
        JsonNode created = p.client().execute("mutation C($input: CreateTaskInput!) { createTask(input: $input) { task { id } userErrors { code } } }",
                Map.of("input", input)).data("createTask");
        assertThat(created.path("userErrors")).isEmpty();
        return created.path("task").path("id").asText();
    }

    private static List<String> slots(Person p, String taskId, int days) {
        JsonNode found = p.client().execute(FIND_TIME, Map.of("input", Map.of("taskId", taskId, "days", days))).data("findTimeFor");
        assertThat(found.path("userErrors")).as(found.toString()).isEmpty();
        List<String> slots = new ArrayList<>();
        found.path("slots").forEach(s -> slots.add(s.path("startsAt").asText() + "/" + s.path("endsAt").asText()));
        return slots;
    }

    /** The agenda of one day, a line per item: kind, times, title, provider and the task it carries. */
    private static List<String> agenda(Person p, String day) {
        List<String> lines = new ArrayList<>();
        p.client().execute("query A($from: Date!, $to: Date!) { agenda(from: $from, to: $to) { items { kind title startsAt endsAt "
                        + "provider task { id } } } }", Map.of("from", day, "to", day)).data("agenda").path("items")
                .forEach(i -> lines.add(i.path("kind").asText() + " " + i.path("startsAt").asText() + "-" + i.path("endsAt").asText()
                        + " " + i.path("title").asText() + " " + i.path("provider").asText() + " task=" + i.path("task").path("id").asText()));
        return lines;
    }

    private static String dueAt(Person p, String taskId) {
        return p.client().execute("query N($id: ID!) { node(id: $id) { ... on Task { dueAt } } }", Map.of("id", taskId))
                .data("node").path("dueAt").asText(null);
    }

    @Test
    void findTimeForProposesSlotsWithinWorkingHoursAroundBusyEventsAndTimedTasks() {
        Person p = person("Europe/Paris");
        Connected c = connect(p, Provider.GOOGLE, GOOGLE_READ);
        FakeGoogle.Account calendar = google.account(c.token());
        calendar.putTimed("standup", "Stand-up and planning", Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-11-23T09:30:00Z"));
        calendar.putTimed("focus", "Focus (shown as free)", Instant.parse("2026-11-23T13:00:00Z"), Instant.parse("2026-11-23T15:00:00Z"))
                .put("transparency", "transparent");
        calendar.putAllDay("offsite", "Offsite", java.time.LocalDate.parse("2026-11-25"), java.time.LocalDate.parse("2026-11-26"));
        sync(c);
        task(p, "Lunch with Sam", 60, "2026-11-23T11:00:00Z");
        String report = task(p, "Write the report", 90, null);

        // 09:00-10:30 Paris is the stand-up, 12:00-13:00 lunch; the free "focus" block does not count.
        assertThat(slots(p, report, 3)).containsExactly(
                "2026-11-23T09:30:00Z/2026-11-23T11:00:00Z",
                "2026-11-23T12:00:00Z/2026-11-23T13:30:00Z",
                "2026-11-24T08:00:00Z/2026-11-24T09:30:00Z");
        assertThat(p.client().execute(FIND_TIME, Map.of("input", Map.of("taskId", report))).data("findTimeFor")
                .path("minutes").asInt()).isEqualTo(90);

        JsonNode changed = p.client().execute(PREFERENCES, Map.of("input", Map.of("workStart", "14:00", "workEnd", "16:00",
                "workDays", List.of(1, 3)))).data("updateSchedulingPreferences");
        assertThat(changed.path("userErrors")).isEmpty();
        assertThat(changed.path("schedulingPreferences").path("workDays").toString()).isEqualTo("[1,3]");
        // Monday 14:00-16:00 Paris, nothing on Tuesday; Wednesday is the all-day offsite (busy).
        assertThat(slots(p, report, 3)).containsExactly("2026-11-23T13:00:00Z/2026-11-23T14:30:00Z");
    }

    @Test
    void badInputAndOtherPeoplesTasksGiveUserErrors() {
        Person p = person("UTC");
        Person other = person("UTC");
        String theirs = task(other, "Their task", null, null);

        JsonNode notMine = p.client().execute(FIND_TIME, Map.of("input", Map.of("taskId", theirs))).data("findTimeFor");
        assertThat(notMine.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");
        String mine = task(p, "Mine", null, null);
        JsonNode tooFar = p.client().execute(FIND_TIME, Map.of("input", Map.of("taskId", mine, "days", 60))).data("findTimeFor");
        assertThat(tooFar.path("userErrors").get(0).path("field").asText()).isEqualTo("days");
        JsonNode backwards = p.client().execute(PREFERENCES, Map.of("input", Map.of("workStart", "18:00", "workEnd", "09:00")))
                .data("updateSchedulingPreferences");
        assertThat(backwards.path("userErrors").get(0).path("field").asText()).isEqualTo("workEnd");
        JsonNode tooSoon = p.client().execute(PREFERENCES, Map.of("input", Map.of("leaveNowMinutes", 1))).data("updateSchedulingPreferences");
        assertThat(tooSoon.path("userErrors").get(0).path("field").asText()).isEqualTo("leaveNowMinutes");
        JsonNode notATime = p.client().execute(PREFERENCES, Map.of("input", Map.of("workStart", "nine"))).data("updateSchedulingPreferences");
        assertThat(notATime.path("userErrors").get(0).path("code").asText()).isEqualTo("INVALID");
        assertThat(p.client().execute("{ schedulingPreferences { workStart workEnd workDays leaveNowMinutes } }")
                .data("schedulingPreferences").toString())
                .isEqualTo("{\"workStart\":\"09:00\",\"workEnd\":\"18:00\",\"workDays\":[1,2,3,4,5],\"leaveNowMinutes\":null}");
    }

    @Test
    void aScheduledTaskBecomesAnEventAndFollowsItWhenMovedThenLosesItsTimeWhenDeleted() {
        Person p = person("Europe/Paris");
        Connected c = connect(p, Provider.GOOGLE, GOOGLE_WRITE);
        String report = task(p, "Send the report", 45, null);

        JsonNode scheduled = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", report, "slot", "2026-11-24T13:00:00Z",
                "integrationId", c.globalId()))).data("scheduleTask");

        assertThat(scheduled.path("userErrors")).as(scheduled.toString()).isEmpty();
        assertThat(scheduled.path("task").path("dueAt").asText()).isEqualTo("2026-11-24T13:00:00Z");
        FakeGoogle.Account calendar = google.account(c.token());
        assertThat(calendar.liveEvents()).singleElement().satisfies(e -> {
            assertThat(e.path("summary").asText()).isEqualTo("Send the report");
            assertThat(e.path("start").path("dateTime").asText()).isEqualTo("2026-11-24T13:00:00Z");
            assertThat(e.path("end").path("dateTime").asText()).isEqualTo("2026-11-24T13:45:00Z");
            assertThat(scheduled.path("eventLink").asText()).isEqualTo(e.path("htmlLink").asText());
        });
        String eventId = calendar.liveEvents().getFirst().path("id").asText();
        sync(c);
        assertThat(dueAt(p, report)).as("the sync brought back the same time").isEqualTo("2026-11-24T13:00:00Z");
        assertThat(agenda(p, "2026-11-24")).as("once, as the event carrying its task").containsExactly(
                "EVENT 2026-11-24T13:00:00Z-2026-11-24T13:45:00Z Send the report GOOGLE task=" + report);

        calendar.putTimed(eventId, "Send the report", Instant.parse("2026-11-25T08:30:00Z"), Instant.parse("2026-11-25T09:15:00Z"));
        sync(c);
        assertThat(dueAt(p, report)).isEqualTo("2026-11-25T08:30:00Z");
        assertThat(agenda(p, "2026-11-25")).containsExactly(
                "EVENT 2026-11-25T08:30:00Z-2026-11-25T09:15:00Z Send the report GOOGLE task=" + report);

        calendar.deleteEvent(eventId);
        sync(c);
        assertThat(dueAt(p, report)).isNull();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(Long.class, "SELECT count(*) FROM task_calendar_events WHERE integration_id = ?", c.id())).isZero();
        }
    }

    @Test
    void schedulingNeedsTheWriteCapabilityAndOnesOwnConnection() {
        Person p = person("America/New_York");
        Connected readOnly = connect(p, Provider.MICROSOFT, "offline_access User.Read Calendars.Read");
        Person other = person("UTC");
        Connected theirs = connect(other, Provider.MICROSOFT, "offline_access User.Read Calendars.ReadWrite");
        String call = task(p, "Call the plumber", null, null);

        JsonNode refused = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", call, "slot", "2026-11-24T15:00:00Z",
                "integrationId", readOnly.globalId()))).data("scheduleTask");
        JsonNode notMine = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", call, "slot", "2026-11-24T15:00:00Z",
                "integrationId", theirs.globalId()))).data("scheduleTask");

        JsonNode tooFar = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", call, "slot", "2300-01-01T09:00:00Z",
                "integrationId", theirs.globalId()))).data("scheduleTask");
        assertThat(tooFar.path("userErrors").get(0).path("code").asText()).as("whose the connection is, checked first").isEqualTo("NOT_FOUND");

        assertThat(refused.path("userErrors").get(0).path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.path("userErrors").get(0).path("message").asText()).startsWith("Microsoft lets us read your calendar but not add events");
        assertThat(notMine.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(microsoft.requests()).noneMatch(r -> r.path().equals("/v1.0/me/events"));
        assertThat(dueAt(p, call)).isNull();

        Connected writable;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("DELETE FROM integrations WHERE id = ?", readOnly.id());
        }
        writable = connect(p, Provider.MICROSOFT, "offline_access User.Read Calendars.ReadWrite");
        JsonNode written = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", call, "slot", "2026-11-24T15:00:00Z",
                "integrationId", writable.globalId()))).data("scheduleTask");
        assertThat(written.path("userErrors")).as(written.toString()).isEmpty();
        assertThat(microsoft.mailbox(writable.token()).liveEvents()).singleElement().satisfies(e -> {
            assertThat(e.path("subject").asText()).isEqualTo("Call the plumber");
            assertThat(e.path("start").path("dateTime").asText()).startsWith("2026-11-24T15:00:00");
            assertThat(e.path("end").path("dateTime").asText()).startsWith("2026-11-24T15:30:00");
        });
        JsonNode past = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", call, "slot", "2026-11-01T15:00:00Z",
                "integrationId", writable.globalId()))).data("scheduleTask");
        JsonNode centuries = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", call, "slot", "2300-01-01T09:00:00Z",
                "integrationId", writable.globalId()))).data("scheduleTask");
        assertThat(List.of(past, centuries)).allSatisfy(refusal -> assertThat(refusal.path("userErrors").get(0).path("field").asText())
                .isEqualTo("slot"));
        JsonNode again = p.client().execute(SCHEDULE, Map.of("input", Map.of("taskId", call, "slot", "2026-11-24T17:00:00Z",
                "integrationId", writable.globalId()))).data("scheduleTask");
        assertThat(again.path("userErrors").get(0).path("code").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(microsoft.mailbox(writable.token()).liveEvents()).as("nothing written for a refused slot").hasSize(1);
    }

    @Test
    void leaveNowComesOnceBeforeAnEventWithAPlaceForWhoeverAskedForIt() throws Exception {
        Person p = person("UTC");
        Person notAsked = person("UTC");
        Connected c = connect(p, Provider.GOOGLE, GOOGLE_READ);
        Connected theirs = connect(notAsked, Provider.GOOGLE, GOOGLE_READ);
        Instant now = CLOCK.instant();
        google.account(c.token()).putTimed("dentist", "Dentist", now.plus(Duration.ofMinutes(15)), now.plus(Duration.ofMinutes(45)))
                .put("location", "12 rue de Rivoli");
        google.account(c.token()).putTimed("call", "Call without a place", now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(20)));
        google.account(c.token()).putTimed("later", "Later, with a place", now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(4)))
                .put("location", "Station");
        google.account(theirs.token()).putTimed("gym", "Gym", now.plus(Duration.ofMinutes(15)), now.plus(Duration.ofMinutes(45)))
                .put("location", "Gym");
        sync(c);
        sync(theirs);
        assertThat(p.client().execute(PREFERENCES, Map.of("input", Map.of("leaveNowMinutes", 20))).data("updateSchedulingPreferences")
                .path("userErrors")).isEmpty();

        runLeaveNowJob();
        runLeaveNowJob();

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.column(String.class, "SELECT title || ' | ' || body FROM notifications WHERE user_id = ?", p.userId()))
                    .containsExactly("Leave now: Dentist | It starts at " + time(now.plus(Duration.ofMinutes(15))) + ", at 12 rue de Rivoli.");
            assertThat(sql.value(Long.class, "SELECT count(*) FROM notifications WHERE user_id = ?", notAsked.userId())).isZero();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "fr-FR | Europe/Paris | Partez maintenant : Dentiste | Début à {0}, lieu : 12 rue de Rivoli. | Partez maintenant pour votre prochain rendez-vous",
        "es    | Europe/Madrid | Sal ya: Dentiste | Empieza a las {0}, en 12 rue de Rivoli. | Sal ya hacia tu próximo evento"})
    void leaveNowIsWrittenInThePersonsLanguageAndZone(String locale, String zone, String title, String body, String untitled)
            throws Exception {
        Person p = person(zone);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET locale = ? WHERE id = ?", locale, p.userId());
        }
        Connected c = connect(p, Provider.GOOGLE, GOOGLE_READ);
        Instant now = CLOCK.instant();
        google.account(c.token()).putTimed("dentist-" + locale, "Dentiste", now.plus(Duration.ofMinutes(15)), now.plus(Duration.ofMinutes(45)))
                .put("location", "12 rue de Rivoli");
        google.account(c.token()).putTimed("untitled-" + locale, "", now.plus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(50)))
                .put("location", "Gare");
        sync(c);
        assertThat(p.client().execute(PREFERENCES, Map.of("input", Map.of("leaveNowMinutes", 25))).data("updateSchedulingPreferences")
                .path("userErrors")).isEmpty();

        runLeaveNowJob();

        String local = java.time.format.DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
                .format(now.plus(Duration.ofMinutes(15)).atZone(java.time.ZoneId.of(zone)));
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.column(String.class, "SELECT title || ' | ' || body FROM notifications WHERE user_id = ? ORDER BY title",
                    p.userId())).contains(title + " | " + body.replace("{0}", local))
                    .anySatisfy(line -> assertThat(line).startsWith(untitled + " | "));
        }
    }

    private static String time(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(at.atZone(java.time.ZoneOffset.UTC));
    }

    /** Runs the job now and waits until its run is recorded. */
    private static void runLeaveNowJob() throws Exception {
        String count = "SELECT count(*) FROM job_runs WHERE job = 'send-leave-now-nudges'";
        long before;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            before = sql.value(Long.class, count);
        }
        server.application().scheduler().triggerNow("send-leave-now-nudges");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
                if (sql.value(Long.class, count) > before) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("the job ran within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
