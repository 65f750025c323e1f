package app.tdah.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import app.tdah.graphql.GlobalId;
import app.tdah.integrations.Capability;
import app.tdah.integrations.Provider;
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
 * Calendar and mail sync through the running server: the sync-integrations job (Quartz, real PostgreSQL and Redis)
 * against fake Google and Microsoft servers speaking their wire formats, observed as a person sees it, over GraphQL
 * (integrationSyncs, agenda, syncNow). The clock is the test's: a sync is due when the test says.
 */
class IntegrationSyncTest {

    private static final Instant MONDAY_8AM = Instant.parse("2026-11-23T08:00:00Z");
    private static final String SYNCS = """
            { integrationSyncs { integrationId provider streams { data state lastSuccessAt lastError lastErrorAt items nextRunAt } } }""";
    private static final String AGENDA = """
            query Agenda($from: Date!, $to: Date!) { agenda(from: $from, to: $to) { timeZone
              items { kind title date allDay startsAt endsAt location busy provider link task { title } } } }""";
    private static final String SYNC_NOW = """
            mutation SyncNow($input: SyncNowInput!) { syncNow(input: $input) {
              integrationSync { integrationId streams { data } } userErrors { code field } } }""";

    private static final MovableClock CLOCK = new MovableClock(MONDAY_8AM);
    private static final Set<UUID> REVOKED = ConcurrentHashMap.newKeySet();
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
                "pa.sync.tick.seconds", "1"), CLOCK, IntegrationSyncTest::token);
    }

    @AfterAll
    static void stop() {
        server.close();
        google.close();
        microsoft.close();
    }

    /** The access token of an integration, as the integrations feature would hand it out; revoked ones need reconnecting. */
    private static String token(UUID integrationId) throws ReconnectNeeded {
        if (REVOKED.contains(integrationId)) {
            throw new ReconnectNeeded("invalid_grant");
        }
        return "token-" + integrationId;
    }

    private record Connected(UUID id, GraphQlClient client) {
        String globalId() {
            return GlobalId.encode("Integration", id);
        }

        String token() {
            return "token-" + id;
        }
    }

    private static Connected connect(Provider provider, String zone, Capability... capabilities) {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), zone);
        UUID userId;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            userId = sql.userId(person.email());
        }
        UUID integrationId = UUID.randomUUID();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            // The connection itself (its tokens are the fake token source's here, so the sealed ones are placeholders).
            sql.update("INSERT INTO integrations (id, user_id, provider, account_id, account_email, granted_scope, status, "
                            + "connected_at, status_changed_at, access_token_sealed, access_token_expires_at, refresh_token_sealed) "
                            + "VALUES (?, ?, ?, ?, ?, '', 'CONNECTED', now(), now(), '\\x00'::bytea, now() + interval '1 hour', '\\x00'::bytea)",
                    integrationId, userId, provider.name().toLowerCase(java.util.Locale.ROOT), "account-" + integrationId, person.email());
        }
        server.application().integrationSync().track(new ConnectedIntegration(integrationId, userId, provider, Set.of(capabilities)));
        return new Connected(integrationId, person.client());
    }

    /** Asks for a sync now and waits until the job has run it: a success or a failure stamped with the test's "now". */
    private static JsonNode syncNow(Connected c, String data) {
        CLOCK.advance(Duration.ofSeconds(1));
        JsonNode answer = c.client().execute(SYNC_NOW, Map.of("input", Map.of("integrationId", c.globalId()))).data("syncNow");
        assertThat(answer.path("userErrors")).isEmpty();
        return awaitRunAt(c, data, CLOCK.instant());
    }

    private static JsonNode awaitRunAt(Connected c, String data, Instant at) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode stream = stream(c, data);
            if (at.toString().equals(stream.path("lastSuccessAt").asText()) || at.toString().equals(stream.path("lastErrorAt").asText())) {
                return stream;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no " + data + " sync at " + at + "; status " + stream(c, data));
    }

    private static JsonNode stream(Connected c, String data) {
        for (JsonNode sync : c.client().execute(SYNCS).data("integrationSyncs")) {
            if (sync.path("integrationId").asText().equals(c.globalId())) {
                for (JsonNode s : sync.path("streams")) {
                    if (s.path("data").asText().equals(data)) {
                        return s;
                    }
                }
            }
        }
        throw new AssertionError("no " + data + " stream for " + c.globalId());
    }

    private static List<String> agendaLines(Connected c, LocalDate from, LocalDate to) {
        JsonNode agenda = c.client().execute(AGENDA, Map.of("from", from.toString(), "to", to.toString())).data("agenda");
        List<String> lines = new ArrayList<>();
        for (JsonNode item : agenda.path("items")) {
            lines.add(item.path("kind").asText() + " " + item.path("date").asText() + " "
                    + (item.path("allDay").asBoolean() ? "all-day" : item.path("startsAt").asText()) + " " + item.path("title").asText());
        }
        return lines;
    }

    @Test
    void googleCalendarSyncsInFullThenByChangesWithSeriesExpandedForTheAgenda() {
        Connected c = connect(Provider.GOOGLE, "Europe/Paris", Capability.CALENDAR_READ);
        FakeGoogle.Account calendar = google.account(c.token());
        google.pageSize(2);
        calendar.putTimed("dentist", "Dentist", Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z"))
                .put("location", "12 rue de Rivoli");
        calendar.putAllDay("trip", "Trip to Lyon", LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-28"));
        calendar.putTimed("old", "Long ago", Instant.parse("2025-01-01T09:00:00Z"), Instant.parse("2025-01-01T10:00:00Z"));
        calendar.putSeries("standup", "Stand-up", ZonedDateTime.of(2026, 10, 5, 9, 30, 0, 0, ZoneId.of("Europe/Paris")),
                Duration.ofMinutes(15), "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR");
        calendar.putTimed("focus", "Focus time", Instant.parse("2026-11-25T13:00:00Z"), Instant.parse("2026-11-25T15:00:00Z"))
                .put("transparency", "transparent");

        JsonNode first = syncNow(c, "CALENDAR");
        assertThat(first.path("lastError").isNull()).as(first.toString()).isTrue();
        assertThat(first.path("items").asInt()).as("the one from 2025 is before the window").isEqualTo(4);
        // Stand-up at 09:30 Paris: 08:30Z in winter; Tuesday's moved to 11:00, Wednesday's cancelled.
        calendar.moveOccurrence("standup", Instant.parse("2026-11-24T08:30:00Z"), Instant.parse("2026-11-24T10:00:00Z"),
                Instant.parse("2026-11-24T10:15:00Z"));
        calendar.cancelOccurrence("standup", Instant.parse("2026-11-25T08:30:00Z"));
        calendar.deleteEvent("dentist");
        calendar.putTimed("lunch", "Lunch with Sam", Instant.parse("2026-11-24T11:30:00Z"), Instant.parse("2026-11-24T12:30:00Z"));
        JsonNode second = syncNow(c, "CALENDAR");

        assertThat(second.path("lastError").isNull()).isTrue();
        assertThat(google.cursorsAnsweredTwice()).isEmpty();
        assertThat(google.requests()).filteredOn(r -> r.token().equals(c.token()) && r.query().containsKey("syncToken")).isNotEmpty();
        assertThat(agendaLines(c, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-27"))).containsExactly(
                "EVENT 2026-11-23 2026-11-23T08:30:00Z Stand-up",
                "EVENT 2026-11-24 2026-11-24T10:00:00Z Stand-up",
                "EVENT 2026-11-24 2026-11-24T11:30:00Z Lunch with Sam",
                "EVENT 2026-11-25 2026-11-25T13:00:00Z Focus time",
                "EVENT 2026-11-26 all-day Trip to Lyon",
                "EVENT 2026-11-26 2026-11-26T08:30:00Z Stand-up",
                "EVENT 2026-11-27 2026-11-27T08:30:00Z Stand-up");
    }

    @Test
    void anExpiredSyncTokenBringsAFullSyncThatDropsWhatWasDeletedMeanwhile() {
        Connected c = connect(Provider.GOOGLE, "UTC", Capability.CALENDAR_READ);
        FakeGoogle.Account calendar = google.account(c.token());
        calendar.putTimed("a", "Kept", Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z"));
        calendar.putTimed("b", "Deleted while the token expired", Instant.parse("2026-11-24T11:00:00Z"), Instant.parse("2026-11-24T12:00:00Z"));
        syncNow(c, "CALENDAR");
        // A deletion Google no longer reports: only the full sync's sweep can notice it.
        calendar.deleteEvent("b");
        calendar.expireSyncTokens();

        JsonNode after = syncNow(c, "CALENDAR");

        assertThat(after.path("lastError").isNull()).isTrue();
        assertThat(google.requests()).filteredOn(r -> r.token().equals(c.token()) && r.status() == 410).hasSize(1);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.column(String.class, "SELECT details->>'data' FROM audit_events WHERE action = 'integration_sync_restarted' "
                    + "AND details->>'integration' = ?", c.id().toString())).containsExactly("CALENDAR");
        }
        assertThat(agendaLines(c, LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24")))
                .containsExactly("EVENT 2026-11-24 2026-11-24T09:00:00Z Kept");
    }

    @Test
    void gmailKeepsInboxHeadersOnlyFollowsHistoryAndStartsOverWhenHistoryExpired() {
        Connected c = connect(Provider.GOOGLE, "UTC", Capability.MAIL_READ);
        FakeGoogle.Account mail = google.account(c.token());
        mail.addMessage("m1", "Ada Lovelace <ada@example.com>", "me@example.com", "Invoice 42", MONDAY_8AM.minusSeconds(3600), "INBOX", "UNREAD");
        mail.addMessage("m2", "bob@example.com", "me@example.com", "Archived already", MONDAY_8AM.minusSeconds(7200), "CATEGORY_UPDATES");
        mail.addMessage("m3", "Old <old@example.com>", "me@example.com", "Too old", MONDAY_8AM.minus(Duration.ofDays(90)), "INBOX");

        assertThat(syncNow(c, "MAIL").path("items").asInt()).isEqualTo(1);
        mail.addMessage("m4", "Sam <sam@example.com>", "me@example.com", "Lunch?", MONDAY_8AM, "INBOX", "UNREAD");
        mail.setLabels("m1", "CATEGORY_PERSONAL");
        JsonNode incremental = syncNow(c, "MAIL");

        assertThat(incremental.path("items").asInt()).isEqualTo(1);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.column(String.class, "SELECT from_address || ' ' || from_name || ' ' || subject || ' ' || snippet || ' ' || unread "
                    + "|| ' ' || array_to_string(labels, ',') FROM mail_headers WHERE integration_id = ?::uuid", c.id()))
                    .containsExactly("sam@example.com Sam Lunch? Snippet of Lunch? true INBOX,UNREAD");
        }
        mail.deleteMessage("m4");
        mail.addMessage("m5", "Eve <eve@example.com>", "me@example.com", "After the expiry", MONDAY_8AM, "INBOX");
        mail.expireHistory();
        JsonNode full = syncNow(c, "MAIL");

        assertThat(full.path("lastError").isNull()).isTrue();
        assertThat(full.path("items").asInt()).isEqualTo(1);
        assertThat(google.requests()).filteredOn(r -> r.token().equals(c.token()) && r.path().endsWith("/history") && r.status() == 404).hasSize(1);
        assertThat(google.requests()).filteredOn(r -> r.token().equals(c.token()) && r.path().contains("/messages/"))
                .allSatisfy(r -> assertThat(r.query()).containsEntry("format", "metadata"));
    }

    @Test
    void microsoftCalendarAndInboxFollowDeltaLinksAndRemovals() {
        Connected c = connect(Provider.MICROSOFT, "America/New_York", Capability.CALENDAR_READ, Capability.MAIL_READ);
        FakeMicrosoftGraph.Mailbox box = microsoft.mailbox(c.token());
        microsoft.pageSize(2);
        box.putEvent("e1", "Budget review", Instant.parse("2026-11-24T15:00:00Z"), Instant.parse("2026-11-24T16:00:00Z"), "busy", "Room 4");
        box.putEvent("e2", "Cancelled later", Instant.parse("2026-11-24T17:00:00Z"), Instant.parse("2026-11-24T18:00:00Z"), "busy", null);
        box.putEvent("e3", "Deleted later", Instant.parse("2026-11-24T19:00:00Z"), Instant.parse("2026-11-24T20:00:00Z"), "tentative", null);
        box.putAllDayEvent("e4", "Thanksgiving", LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-27"));
        box.putMessage("x1", "Ada", "ada@example.com", "Contract", MONDAY_8AM.minusSeconds(60), false);
        box.putMessage("x2", "Bob", "bob@example.com", "Newsletter", MONDAY_8AM.minusSeconds(120), true);
        box.putMessage("x3", "Cy", "cy@example.com", "Moved away", MONDAY_8AM.minusSeconds(180), false);
        box.putSentMessage("s1", "Ada", "ada@example.com", "Re: Contract", MONDAY_8AM.minusSeconds(600));
        box.putSentMessage("s2", "Dee", "dee@example.com", "Sent then deleted", MONDAY_8AM.minusSeconds(700));
        box.putSentMessage("s3", "Eve", "eve@example.com", "Third page of sent items", MONDAY_8AM.minusSeconds(800));

        syncNow(c, "CALENDAR");
        // Both streams were due; each syncs on its own, so the test waits for the mail one too.
        assertThat(awaitRunAt(c, "MAIL", CLOCK.instant()).path("items").asInt()).as("both streams were due").isEqualTo(6);
        box.cancelEvent("e2");
        box.deleteEvent("e3");
        box.putEvent("e5", "Dinner", Instant.parse("2026-11-25T23:00:00Z"), Instant.parse("2026-11-26T01:00:00Z"), "busy", null);
        box.removeMessage("x3");
        box.markRead("x1");
        box.removeSentMessage("s2");
        box.putSentMessage("s4", "Fay", "fay@example.com", "Sent since", MONDAY_8AM.minusSeconds(30));
        JsonNode calendar = syncNow(c, "CALENDAR");

        assertThat(calendar.path("lastError").isNull()).isTrue();
        assertThat(awaitRunAt(c, "MAIL", CLOCK.instant()).path("items").asInt()).isEqualTo(5);
        assertThat(microsoft.cursorsAnsweredTwice()).isEmpty();
        // Calendar, inbox and sent items each follow their own delta link.
        assertThat(microsoft.requests()).filteredOn(r -> r.token().equals(c.token()) && r.query().containsKey("$deltatoken"))
                .extracting(FakeMicrosoftGraph.Request::path).containsExactlyInAnyOrder("/v1.0/me/calendarView/delta",
                        "/v1.0/me/mailFolders/inbox/messages/delta", "/v1.0/me/mailFolders/sentitems/messages/delta");
        // 19:00 New York on the 25th is the 26th in UTC: days are the person's.
        assertThat(agendaLines(c, LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-26"))).containsExactly(
                "EVENT 2026-11-24 2026-11-24T15:00:00Z Budget review",
                "EVENT 2026-11-25 2026-11-25T23:00:00Z Dinner",
                "EVENT 2026-11-26 all-day Thanksgiving");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.column(String.class, "SELECT message_id || ' ' || unread || ' ' || folder FROM mail_headers "
                    + "WHERE integration_id = ?::uuid ORDER BY message_id", c.id()))
                    .containsExactly("s1 false SENT", "s3 false SENT", "s4 false SENT", "x1 false INBOX", "x2 false INBOX");
        }
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterThenResumes() {
        Connected c = connect(Provider.GOOGLE, "UTC", Capability.CALENDAR_READ);
        google.account(c.token()).putTimed("a", "Planning", Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z"));
        google.failNext(c.token(), "/calendar/v3/calendars/primary/events", 429, "120");

        JsonNode limited = syncNow(c, "CALENDAR");

        assertThat(limited.path("lastError").asText()).isEqualTo("Google asked us to slow down; your calendar will sync again shortly.");
        assertThat(Instant.parse(limited.path("nextRunAt").asText())).isEqualTo(CLOCK.instant().plusSeconds(120));
        assertThat(limited.path("items").asInt()).isZero();
        CLOCK.advance(Duration.ofSeconds(121));
        JsonNode resumed = awaitRunAt(c, "CALENDAR", CLOCK.instant());
        assertThat(resumed.path("lastError").isNull()).isTrue();
        assertThat(resumed.path("items").asInt()).isEqualTo(1);
    }

    @Test
    void garbageOrUnavailableProviderLeavesNothingHalfWrittenAndSaysSo() {
        Connected c = connect(Provider.MICROSOFT, "UTC", Capability.CALENDAR_READ);
        microsoft.pageSize(1);
        FakeMicrosoftGraph.Mailbox box = microsoft.mailbox(c.token());
        box.putEvent("g1", "One", Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T10:00:00Z"), "busy", null);
        box.putEvent("g2", "Two", Instant.parse("2026-11-24T11:00:00Z"), Instant.parse("2026-11-24T12:00:00Z"), "busy", null);
        microsoft.failNext(c.token(), "/v1.0/me/calendarView/delta", 503, null);

        JsonNode unavailable = syncNow(c, "CALENDAR");
        assertThat(unavailable.path("lastError").asText()).isEqualTo("Microsoft had a problem on its side (error 503); we will try again.");
        assertThat(Instant.parse(unavailable.path("nextRunAt").asText())).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(1)));
        assertThat(unavailable.path("items").asInt()).isZero();

        // The first page is read and kept with where it ended; the second answers garbage: the sync stops there.
        microsoft.garbleNth(c.token(), "/v1.0/me/calendarView/delta", 2);
        CLOCK.advance(Duration.ofMinutes(1));
        JsonNode garbled = awaitRunAt(c, "CALENDAR", CLOCK.instant());
        assertThat(garbled.path("lastError").asText()).isEqualTo("Microsoft answered something we could not read; we will try again.");
        assertThat(Instant.parse(garbled.path("nextRunAt").asText())).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(2)));
        assertThat(garbled.path("items").asInt()).isEqualTo(1);

        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.column(String.class, "SELECT details->>'error' FROM audit_events WHERE action = 'integration_sync_failed' "
                    + "AND details->>'integration' = ?", c.id().toString())).as("once for the failures in a row").containsExactly("Unavailable");
        }

        CLOCK.advance(Duration.ofMinutes(2));
        JsonNode resumed = awaitRunAt(c, "CALENDAR", CLOCK.instant());
        assertThat(resumed.path("lastError").isNull()).isTrue();
        assertThat(resumed.path("items").asInt()).isEqualTo(2);
        List<FakeMicrosoftGraph.Request> requests = microsoft.requests().stream().filter(r -> c.token().equals(r.token())).toList();
        assertThat(requests.getLast().query()).as("resumed from the stored nextLink").containsKey("$skiptoken");
        assertThat(requests).filteredOn(r -> r.query().containsKey("startDateTime")).as("started twice: after the 503, not after the garbage").hasSize(2);
    }

    @Test
    void aRevokedGrantAsksThePersonToReconnectAndStopsTrying() {
        Connected c = connect(Provider.GOOGLE, "UTC", Capability.CALENDAR_READ, Capability.MAIL_READ);
        REVOKED.add(c.id());

        JsonNode calendar = syncNow(c, "CALENDAR");

        assertThat(calendar.path("state").asText()).isEqualTo("NEEDS_RECONNECT");
        assertThat(calendar.path("lastError").asText()).isEqualTo("Google no longer lets us read your calendar: reconnect it on the Integrations page.");
        assertThat(calendar.path("nextRunAt").isNull()).isTrue();
        assertThat(google.requests()).noneMatch(r -> c.token().equals(r.token()));
    }

    @Test
    void syncNowAnswersNotFoundForSomeoneElsesIntegration() {
        Connected mine = connect(Provider.GOOGLE, "UTC", Capability.CALENDAR_READ);
        Connected theirs = connect(Provider.GOOGLE, "UTC", Capability.CALENDAR_READ);

        JsonNode answer = mine.client().execute(SYNC_NOW, Map.of("input", Map.of("integrationId", theirs.globalId()))).data("syncNow");

        assertThat(answer.path("integrationSync").isNull()).isTrue();
        assertThat(answer.path("userErrors").get(0).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(mine.client().execute(SYNCS).data("integrationSyncs")).hasSize(1);
    }

    @Test
    void theAgendaPutsTimedTasksAndRemindersBesideEvents() {
        Connected c = connect(Provider.GOOGLE, "Europe/Paris", Capability.CALENDAR_READ);
        google.account(c.token()).putTimed("call", "Call with the bank", Instant.parse("2026-11-24T14:00:00Z"), Instant.parse("2026-11-24T14:30:00Z"));
        syncNow(c, "CALENDAR");
        Map<String, Object> task = new HashMap<>(Map.of("title", "Send the report", "dueAt", "2026-11-24T16:00:00Z", "estimateMinutes", 30,
                "reminders", List.of(Map.of("remindAt", "2026-11-24T15:30:00Z"))));
        JsonNode created = c.client().execute("mutation C($input: CreateTaskInput!) { createTask(input: $input) { userErrors { code } } }",
                Map.of("input", task)).data("createTask");
        assertThat(created.path("userErrors")).isEmpty();

        JsonNode agenda = c.client().execute(AGENDA, Map.of("from", "2026-11-24", "to", "2026-11-24")).data("agenda");

        assertThat(agenda.path("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(agendaLines(c, LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24"))).containsExactly(
                "EVENT 2026-11-24 2026-11-24T14:00:00Z Call with the bank",
                "REMINDER 2026-11-24 2026-11-24T15:30:00Z Send the report",
                "TASK 2026-11-24 2026-11-24T16:00:00Z Send the report");
        assertThat(agenda.path("items").get(2).path("endsAt").asText()).isEqualTo("2026-11-24T16:30:00Z");
        assertThat(agenda.path("items").get(0).path("provider").asText()).isEqualTo("GOOGLE");
        JsonNode tooLong = c.client().execute(AGENDA, Map.of("from", "2026-11-01", "to", "2026-12-31")).body();
        assertThat(tooLong.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("BAD_ARGUMENT");
    }
}
