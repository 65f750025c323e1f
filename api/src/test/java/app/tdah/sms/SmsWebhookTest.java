package app.tdah.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tdah.testing.FakeTwilio;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestServices;
import app.tdah.testing.TestSql;
import app.tdah.testing.TwilioWebhook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMS assistant through its webhook, as Twilio drives it: signed form posts to a running server, answered in
 * TwiML, with everything recorded in the real database.
 */
class SmsWebhookTest {

    private static final String AUTH_TOKEN = FakeTwilio.AUTH_TOKEN;
    private static final String PUBLIC_URL = "https://assistant.example.org";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T08:00:00Z"));
    private static final AtomicInteger numbers = new AtomicInteger();
    private static final FakeTwilio twilioApi = FakeTwilio.start();

    // A generous budget: every answer here is ready in time and comes back in TwiML (the outbox path is in SmsLlmAssistantTest).
    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(settings(), clock);

    private static TwilioWebhook twilio;

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(twilioApi.settings());
        settings.put("pa.public.url", PUBLIC_URL);
        settings.put("pa.sms.reply.budget.millis", "5000");
        return settings;
    }
    private static TestSql sql;

    @BeforeAll
    static void connect() {
        twilio = new TwilioWebhook(server.baseUrl(), PUBLIC_URL, AUTH_TOKEN);
        sql = TestSql.connect(server.jdbcUrl());
    }

    @AfterAll
    static void disconnect() {
        sql.close();
        twilioApi.close();
    }

    private record Person(UUID id, String phone) {
    }

    /** A French mobile number no other test uses. */
    private static String newPhone() {
        return "+3361234" + String.format("%04d", numbers.incrementAndGet());
    }

    private static Person personWithVerifiedPhone() {
        UUID id = sql.userId(TestAccounts.signUp(server.baseUrl(), PARIS.getId()).email());
        String phone = newPhone();
        sql.update("INSERT INTO phones (user_id, e164, verified_at) VALUES (?, ?, now())", id, phone);
        return new Person(id, phone);
    }

    /** Sends the text and returns the TwiML reply's message ("" for none), after checking the response is TwiML. */
    private static String text(String phone, String body) {
        return text(TwilioWebhook.newMessageSid(), phone, body);
    }

    private static String text(String messageSid, String phone, String body) {
        HttpResponse<String> response = twilio.text(messageSid, phone, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        return TwilioWebhook.message(response);
    }

    private static long count(String query, Object... parameters) {
        return sql.value(Long.class, query, parameters);
    }

    private static long tasksTitled(UUID userId, String title) {
        return count("SELECT count(*) FROM tasks WHERE user_id = ? AND title = ?", userId, title);
    }

    private static UUID taskTitled(UUID userId, String title) {
        return sql.value(UUID.class, "SELECT id FROM tasks WHERE user_id = ? AND title = ?", userId, title);
    }

    private static LocalDate today() {
        return clock.instant().atZone(PARIS).toLocalDate();
    }

    private static long rejections(String reason) {
        return count("SELECT count(*) FROM audit_events WHERE action = 'sms_webhook_signature_invalid' AND outcome = 'denied' "
                + "AND details ->> 'reason' = ? AND user_agent = 'TwilioProxy/1.1'", reason);
    }

    @Test
    void unsignedForgedOrMisaddressedRequestsAreRefusedAndAudited() {
        Person ada = personWithVerifiedPhone();
        String sid = TwilioWebhook.newMessageSid();
        Map<String, String> form = TwilioWebhook.inbound(sid, ada.phone(), "buy milk tomorrow");
        long missingBefore = rejections("no signature");
        long invalidBefore = rejections("signature does not match");

        HttpResponse<String> unsigned = twilio.post(form, null);
        String otherAccount = new TwilioWebhook(server.baseUrl(), PUBLIC_URL, "0000000000000000000000000000dead").sign(form);
        HttpResponse<String> forged = twilio.post(form, otherAccount);
        // Signed for the address the server listens on rather than the public one Twilio is configured with.
        String internalUrl = new TwilioWebhook(server.baseUrl(), server.baseUrl(), AUTH_TOKEN).sign(form);
        HttpResponse<String> misaddressed = twilio.post(form, internalUrl);
        String genuine = twilio.sign(form);
        Map<String, String> tampered = TwilioWebhook.inbound(sid, ada.phone(), "buy milk tomorrow and wire 500 EUR");
        HttpResponse<String> altered = twilio.post(tampered, genuine);

        assertThat(List.of(unsigned, forged, misaddressed, altered)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain(AUTH_TOKEN);
        });
        assertThat(rejections("no signature")).isEqualTo(missingBefore + 1);
        assertThat(rejections("signature does not match")).isEqualTo(invalidBefore + 3);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE twilio_sid = ?", sid)).isZero();
        assertThat(count("SELECT count(*) FROM tasks WHERE user_id = ?", ada.id())).isZero();

        // The genuine request, signed as Twilio signs it, goes through.
        assertThat(twilio.post(form, genuine).statusCode()).isEqualTo(200);
        assertThat(tasksTitled(ada.id(), "buy milk")).isEqualTo(1);
    }

    @Test
    void malformedRequestsGetAClearClientError() throws Exception {
        Person ada = personWithVerifiedPhone();
        HttpResponse<String> json = twilio.post("{\"Body\":\"buy milk\"}", "application/json", "c2lnbmF0dXJl");
        assertThat(json.statusCode()).isEqualTo(415);
        HttpResponse<String> malformed = twilio.post("MessageSid=SM1&From=%zz&Body=x", "application/x-www-form-urlencoded", "c2lnbmF0dXJl");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("The form body is malformed.");

        Map<String, String> noBody = TwilioWebhook.inbound(TwilioWebhook.newMessageSid(), ada.phone(), "x");
        noBody.remove("Body");
        HttpResponse<String> missingBody = twilio.post(noBody, twilio.sign(noBody));
        assertThat(missingBody.statusCode()).isEqualTo(400);
        assertThat(missingBody.body()).isEqualTo("Missing parameter Body.");

        Map<String, String> anonymous = TwilioWebhook.inbound(TwilioWebhook.newMessageSid(), ada.phone(), "buy milk");
        anonymous.remove("MessageSid");
        anonymous.remove("From");
        HttpResponse<String> missingTwo = twilio.post(anonymous, twilio.sign(anonymous));
        assertThat(missingTwo.statusCode()).isEqualTo(400);
        assertThat(missingTwo.body()).isEqualTo("Missing parameters MessageSid, From.");

        HttpResponse<String> get = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/sms/twilio")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).as("not the SPA's page either").isEqualTo(404);

        HttpResponse<String> notANumber = twilio.text("Ada's phone", "buy milk");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).isEqualTo("From is not a valid phone number.");
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = ?", ada.phone())).isZero();
    }

    @Test
    void aTextBecomesATaskConfirmedInTwimlAndBothAreLogged() {
        Person ada = personWithVerifiedPhone();
        String sid = TwilioWebhook.newMessageSid();
        // Written with spaces, as a person might: normalised to E.164 before it is matched.
        String written = ada.phone().substring(0, 3) + " " + ada.phone().substring(3, 4) + " " + ada.phone().substring(4);

        String reply = text(sid, written, "buy milk tomorrow");

        assertThat(reply).isEqualTo("Added: buy milk, due tomorrow. UNDO to remove it.");
        assertThat(sql.value(LocalDate.class, "SELECT due_date FROM tasks WHERE user_id = ? AND title = 'buy milk'", ada.id()))
                .isEqualTo(today().plusDays(1));
        UUID inbound = sql.value(UUID.class, "SELECT id FROM sms_messages WHERE twilio_sid = ? AND direction = 'INBOUND' "
                + "AND status = 'RECEIVED' AND kind = 'INBOUND' AND user_id = ? AND phone = ? AND body = 'buy milk tomorrow' "
                + "AND encoding = 'GSM7' AND segments = 1", sid, ada.id(), ada.phone());
        assertThat(inbound).isNotNull();
        assertThat(count("SELECT count(*) FROM sms_messages WHERE in_reply_to = ? AND direction = 'OUTBOUND' AND status = 'TWIML' "
                + "AND kind = 'REPLY' AND user_id = ? AND phone = ? AND body = ? AND encoding = 'GSM7' AND segments = 1 "
                + "AND sent_at IS NOT NULL", inbound, ada.id(), ada.phone(), reply)).isEqualTo(1);
    }

    @Test
    void aRetriedMessageIsActedOnOnceAndGetsTheSameReply() {
        Person ada = personWithVerifiedPhone();
        String sid = TwilioWebhook.newMessageSid();

        String first = text(sid, ada.phone(), "call the plumber friday");
        String retry = text(sid, ada.phone(), "call the plumber friday");

        assertThat(first).startsWith("Added: call the plumber, due ");
        assertThat(retry).isEqualTo(first);
        assertThat(tasksTitled(ada.id(), "call the plumber")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE twilio_sid = ?", sid)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = ? AND direction = 'OUTBOUND'", ada.phone())).isEqualTo(1);
    }

    @Test
    void theSameMessageReachingTwoNodesAtOnceIsActedOnOnce() throws Exception {
        Person ada = personWithVerifiedPhone();
        String sid = TwilioWebhook.newMessageSid();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return text(sid, ada.phone(), "renew the passport next week");
            }));
        }
        go.countDown();

        List<String> replies = posts.stream().map(CompletableFuture::join).toList();

        assertThat(tasksTitled(ada.id(), "renew the passport")).isEqualTo(1);
        assertThat(replies.getFirst()).startsWith("Added: renew the passport");
        assertThat(replies.getLast()).isEqualTo(replies.getFirst());
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = ? AND direction = 'OUTBOUND'", ada.phone())).isEqualTo(1);
    }

    @Test
    void anUnknownNumberGetsOneSignUpReplyADay() {
        String stranger = newPhone();

        String first = text(stranger, "hello?");
        String second = text(stranger, "buy milk");
        String help = text(stranger, "HELP");
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        String nextDay = text(stranger, "hello again");

        assertThat(first).contains("sign up at " + PUBLIC_URL + "/signup").contains("STOP");
        assertThat(second).isEmpty();
        assertThat(help).isEqualTo(first);
        assertThat(nextDay).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = ? AND direction = 'INBOUND' AND user_id IS NULL", stranger))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = ? AND direction = 'OUTBOUND' AND kind = 'ONBOARDING' "
                + "AND status = 'TWIML'", stranger)).isEqualTo(3);
    }

    @Test
    void anUnverifiedNumberIsToldToFinishVerification() {
        UUID bob = sql.userId(TestAccounts.signUp(server.baseUrl(), "UTC").email());
        String phone = newPhone();
        sql.update("INSERT INTO phones (user_id, e164, code_hash, code_expires_at) VALUES (?, ?, ?, ?)",
                bob, phone, new byte[32], OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10));

        String reply = text(phone, "buy milk tomorrow");

        assertThat(reply).contains("not verified").contains(PUBLIC_URL);
        assertThat(count("SELECT count(*) FROM tasks WHERE user_id = ?", bob)).isZero();
        assertThat(text(phone, "buy milk tomorrow")).as("one notice a day").isEmpty();
    }

    @Test
    void stopOptsTheNumberOutAndNothingIsSentUntilStart() {
        Person ada = personWithVerifiedPhone();

        assertThat(text(ada.phone(), "STOP")).isEmpty();
        assertThat(count("SELECT count(*) FROM sms_opt_outs WHERE e164 = ?", ada.phone())).isEqualTo(1);
        assertThat(text(ada.phone(), "list")).isEmpty();
        assertThat(text(ada.phone(), "help")).isEmpty();
        assertThat(text(ada.phone(), "buy eggs")).isEmpty();
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = ? AND direction = 'OUTBOUND'", ada.phone())).isZero();
        assertThat(tasksTitled(ada.id(), "buy eggs")).isZero();

        assertThat(text(ada.phone(), "Start")).isEmpty();
        assertThat(count("SELECT count(*) FROM sms_opt_outs WHERE e164 = ?", ada.phone())).isZero();
        assertThat(text(ada.phone(), "list")).isEqualTo("Nothing due today. Text a task to add it.");
    }

    @Test
    void stopFromAnUnknownNumberIsHonouredToo() {
        String stranger = newPhone();

        assertThat(text(stranger, " Unsubscribe. ")).isEmpty();
        assertThat(text(stranger, "hello")).isEmpty();

        assertThat(count("SELECT count(*) FROM sms_opt_outs WHERE e164 = ?", stranger)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = ? AND direction = 'OUTBOUND'", stranger)).isZero();
    }

    private static final Pattern LINE = Pattern.compile("^(\\d+)\\. (.+)$", Pattern.MULTILINE);

    @Test
    void longListsArePagedAndNumbersActOnTheListShown() {
        Person ada = personWithVerifiedPhone();
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            titles.add("Sort the drawer number " + i);
            assertThat(text(ada.phone(), "Sort the drawer number " + i + " today")).startsWith("Added: ");
            clock.advance(Duration.ofSeconds(1)); // one after the other, so the list's order is theirs
        }

        List<String> pages = new ArrayList<>();
        pages.add(text(ada.phone(), "list"));
        while (pages.getLast().contains("\nMORE for ")) {
            pages.add(text(ada.phone(), "MORE"));
        }
        assertThat(text(ada.phone(), "more")).isEqualTo("That was the whole list. Reply LIST to see it again.");

        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> {
            assertThat(page).startsWith("Today (9):\n");
            assertThat(page.length()).as("one GSM segment: " + page).isLessThanOrEqualTo(160);
            assertThat(page).matches("[\\x20-\\x7E\\n]*");
        });
        List<String> lines = new ArrayList<>();
        List<Integer> numbersShown = new ArrayList<>();
        for (String page : pages) {
            Matcher line = LINE.matcher(page);
            while (line.find()) {
                numbersShown.add(Integer.parseInt(line.group(1)));
                lines.add(line.group(2));
            }
        }
        assertThat(numbersShown).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(lines).isEqualTo(titles);

        assertThat(text(ada.phone(), "done 2")).isEqualTo("Done: Sort the drawer number 2. Well done! UNDO to take it back.");
        assertThat(sql.value(String.class, "SELECT status FROM tasks WHERE id = ?", taskTitled(ada.id(), titles.get(1)))).isEqualTo("DONE");
        assertThat(text(ada.phone(), "undo")).isEqualTo("Undone: Sort the drawer number 2 is open again.");
        assertThat(sql.value(String.class, "SELECT status FROM tasks WHERE id = ?", taskTitled(ada.id(), titles.get(1)))).isEqualTo("OPEN");
        assertThat(text(ada.phone(), "undo")).isEqualTo("Nothing to undo.");

        String until = DateTimeFormatter.ofPattern("HH:mm").format(clock.instant().plus(Duration.ofMinutes(20)).atZone(PARIS));
        assertThat(text(ada.phone(), "snooze 7 20m"))
                .isEqualTo("Snoozed Sort the drawer number 7 until today " + until + ". UNDO to take it back.");
        UUID seventh = taskTitled(ada.id(), titles.get(6));
        assertThat(sql.value(OffsetDateTime.class, "SELECT snoozed_until FROM tasks WHERE id = ?", seventh).toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
        assertThat(text(ada.phone(), "list")).doesNotContain(titles.get(6)).startsWith("Today (8):");
        assertThat(text(ada.phone(), "UNDO")).isEqualTo("Undone: Sort the drawer number 7 is no longer snoozed.");
        assertThat(sql.value(OffsetDateTime.class, "SELECT snoozed_until FROM tasks WHERE id = ?", seventh)).isNull();

        assertThat(text(ada.phone(), "done 42")).isEqualTo("There is no 42 in the last list. Reply LIST to see it again.");
    }

    @Test
    void aCapturedTextCommitsOnceWithEverythingItWrote() {
        Person ada = personWithVerifiedPhone();
        // Notes the transaction of every row written for anyone: the text's rows must all be written in one.
        sql.update("CREATE TABLE written_in (tbl TEXT, user_id UUID, txid BIGINT)");
        sql.update("CREATE FUNCTION note_transaction() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "INSERT INTO written_in VALUES (TG_TABLE_NAME, NEW.user_id, txid_current()); RETURN NEW; END $$");
        List<String> tables = List.of("sms_messages", "tasks", "sms_conversations");
        tables.forEach(table -> sql.update("CREATE TRIGGER note_transaction AFTER INSERT OR UPDATE ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION note_transaction()"));
        try {
            assertThat(text(ada.phone(), "buy bread tomorrow")).startsWith("Added: buy bread");

            assertThat(sql.column(String.class, "SELECT tbl FROM written_in WHERE user_id = ? ORDER BY tbl", ada.id()))
                    .as("the message, the task, the conversation and the reply")
                    .containsExactly("sms_conversations", "sms_messages", "sms_messages", "tasks");
            assertThat(count("SELECT count(DISTINCT txid) FROM written_in WHERE user_id = ?", ada.id())).isEqualTo(1);
        } finally {
            tables.forEach(table -> sql.update("DROP TRIGGER note_transaction ON " + table));
            sql.update("DROP FUNCTION note_transaction()");
            sql.update("DROP TABLE written_in");
        }
    }

    @Test
    void twoTextsFromOnePersonAtTheSameInstantAreHandledOneAfterTheOther() throws Exception {
        Person ada = personWithVerifiedPhone();
        for (int i = 1; i <= 9; i++) {
            text(ada.phone(), "Tidy shelf number " + i + " today");
            clock.advance(Duration.ofSeconds(1)); // one after the other, so the list's order is theirs
        }
        assertThat(text(ada.phone(), "list")).startsWith("Today (9):\n1. Tidy shelf number 1\n").contains("\nMORE for ");
        List<CompletableFuture<String>> mores = new ArrayList<>();
        try (Connection holder = TestServices.connect(server.jdbcUrl())) {
            // Holds the conversation while both texts arrive, so that both are under way before either can finish.
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT 1 FROM sms_conversations WHERE user_id = '" + ada.id() + "' FOR UPDATE");
            }
            for (int i = 0; i < 2; i++) {
                mores.add(CompletableFuture.supplyAsync(() -> text(ada.phone(), "MORE")));
            }
            awaitWaitingForALock(2);
            holder.commit();
        }

        List<String> pages = mores.stream().map(CompletableFuture::join).toList();

        List<Integer> numbersShown = new ArrayList<>();
        for (String page : pages) {
            Matcher line = LINE.matcher(page);
            while (line.find()) {
                numbersShown.add(Integer.parseInt(line.group(1)));
            }
        }
        assertThat(pages.getFirst()).as("the second MORE shows the page after the first one's").isNotEqualTo(pages.getLast());
        assertThat(numbersShown).doesNotHaveDuplicates().hasSizeGreaterThan(2);
    }

    /** Waits until {@code sessions} connections to the test database wait for a lock. */
    private static void awaitWaitingForALock(int sessions) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < sessions) {
            assertThat(Instant.now()).as(sessions + " sessions waiting for a lock").isBefore(deadline);
            Thread.sleep(20); // polling a condition with a deadline
        }
    }

    /** An event of the person's synced calendar, as the sync stores it. */
    private static void calendarEvent(Person p, String id, String title, Instant start, Instant end, LocalDate allDay) {
        UUID integrationId = sql.value(UUID.class, "SELECT id FROM integrations WHERE user_id = ?", p.id());
        if (allDay != null) {
            sql.update("INSERT INTO calendar_events (integration_id, event_id, user_id, title, start_date, end_date, busy, generation) "
                    + "VALUES (?, ?, ?, ?, ?, ?, false, 1)", integrationId, id, p.id(), title, allDay, allDay.plusDays(1));
        } else {
            sql.update("INSERT INTO calendar_events (integration_id, event_id, user_id, title, starts_at, ends_at, busy, generation) "
                    + "VALUES (?, ?, ?, ?, ?, ?, true, 1)", integrationId, id, p.id(), title, start.atOffset(java.time.ZoneOffset.UTC),
                    end.atOffset(java.time.ZoneOffset.UTC));
        }
    }

    private static void connectCalendar(Person p) {
        UUID integrationId = UUID.randomUUID();
        sql.update("INSERT INTO integrations (id, user_id, provider, account_id, account_email, granted_scope, status, connected_at, "
                + "status_changed_at, access_token_sealed, access_token_expires_at, refresh_token_sealed) VALUES (?, ?, 'google', ?, "
                + "'me@example.com', '', 'CONNECTED', now(), now(), '\\x00'::bytea, now(), '\\x00'::bytea)", integrationId, p.id(),
                "account-" + integrationId);
        sql.update("INSERT INTO integration_syncs (integration_id, stream, user_id, provider, next_run_at) "
                + "VALUES (?, 'CALENDAR', ?, 'GOOGLE', now() + interval '1 day')", integrationId, p.id());
    }

    @Test
    void todayAndAgendaListTheDaysCalendarEventsBeforeItsTasksInThePersonsZone() {
        Person ada = personWithVerifiedPhone();
        connectCalendar(ada);
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        Instant tenInParis = today.atTime(10, 0).atZone(PARIS).toInstant();
        calendarEvent(ada, "dentist", "Dentist", tenInParis, tenInParis.plus(Duration.ofHours(1)), null);
        calendarEvent(ada, "lyon", "Holiday in Lyon", null, null, today);
        calendarEvent(ada, "standup", "Stand-up", tenInParis.minus(Duration.ofHours(1)), tenInParis.minus(Duration.ofMinutes(45)), null);
        // 00:30 in Paris tomorrow is still "today" in UTC: it is not shown.
        Instant tomorrowInParis = today.plusDays(1).atTime(0, 30).atZone(PARIS).toInstant();
        calendarEvent(ada, "late", "Tomorrow already", tomorrowInParis, tomorrowInParis.plus(Duration.ofMinutes(30)), null);
        text(ada.phone(), "send the report today 16:00");

        String reply = text(ada.phone(), "today");

        assertThat(reply).isEqualTo("Holiday in Lyon\n09:00 Stand-up\n10:00 Dentist\nToday (1):\n1. send the report 16:00");
        assertThat(text(ada.phone(), "agenda")).isEqualTo(reply);
        assertThat(text(ada.phone(), "done 1")).startsWith("Done: send the report.");
        assertThat(text(ada.phone(), "Agenda")).startsWith("Holiday in Lyon\n09:00 Stand-up\n10:00 Dentist\n")
                .doesNotContain("send the report");
    }

    @Test
    void aTaskScheduledIntoAnEventIsListedOnceAsTheTaskThatDoneCanAnswer() {
        Person ada = personWithVerifiedPhone();
        connectCalendar(ada);
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        Instant fourInParis = today.atTime(16, 0).atZone(PARIS).toInstant();
        text(ada.phone(), "send the report today 16:00");
        UUID task = sql.value(UUID.class, "SELECT id FROM tasks WHERE user_id = ? AND title = 'send the report'", ada.id());
        calendarEvent(ada, "report-slot", "send the report", fourInParis, fourInParis.plus(Duration.ofMinutes(45)), null);
        calendarEvent(ada, "dentist", "Dentist", fourInParis.minus(Duration.ofHours(6)), fourInParis.minus(Duration.ofHours(5)), null);
        sql.update("INSERT INTO task_calendar_events (task_id, integration_id, event_id, created_at) "
                + "SELECT ?, id, 'report-slot', now() FROM integrations WHERE user_id = ?", task, ada.id());

        assertThat(text(ada.phone(), "today")).isEqualTo("10:00 Dentist\nToday (1):\n1. send the report 16:00");
    }

    @Test
    void aLongDayOfEventsStillLeavesRoomForTheTasksInOneSegment() {
        Person ada = personWithVerifiedPhone("fr");
        connectCalendar(ada);
        LocalDate today = clock.instant().atZone(PARIS).toLocalDate();
        for (int hour = 9; hour < 19; hour++) {
            Instant at = today.atTime(hour, 0).atZone(PARIS).toInstant();
            calendarEvent(ada, "e" + hour, "Meeting about the quarterly numbers " + hour, at, at.plus(Duration.ofMinutes(30)), null);
        }
        text(ada.phone(), "appeler la banque aujourd'hui");

        String reply = text(ada.phone(), "aujourd'hui");

        assertThat(app.tdah.sms.SmsText.of(reply).segments()).isEqualTo(1);
        assertThat(reply).startsWith("9h Meeting about the quarterly numbers 9\n10h Meeting").contains("\n...\nAujourd'hui (1):\n1. appeler la banque");
    }

    @Test
    void undoingDoneTakesTheCompletionBackOutOfTheInsights() {
        Person ada = personWithVerifiedPhone();
        text(ada.phone(), "water the plants today");
        clock.advance(Duration.ofSeconds(1));
        text(ada.phone(), "stretch every day");
        UUID plants = taskTitled(ada.id(), "water the plants");
        UUID stretch = taskTitled(ada.id(), "stretch");
        assertThat(text(ada.phone(), "list")).startsWith("Today (2):\n1. water the plants\n2. stretch");

        assertThat(text(ada.phone(), "done 1")).startsWith("Done: water the plants.");
        assertThat(completions(plants)).isEqualTo(1);
        assertThat(text(ada.phone(), "undo")).isEqualTo("Undone: water the plants is open again.");
        assertThat(completions(plants)).isZero();

        text(ada.phone(), "done 2");
        assertThat(sql.value(LocalDate.class, "SELECT due_date FROM tasks WHERE id = ?", stretch)).isEqualTo(today().plusDays(1));
        assertThat(completions(stretch)).isEqualTo(1);
        text(ada.phone(), "undo");
        assertThat(sql.value(LocalDate.class, "SELECT due_date FROM tasks WHERE id = ?", stretch)).isEqualTo(today());
        assertThat(completions(stretch)).isZero();
    }

    /** The records insights count the task's completions by. */
    private static long completions(UUID taskId) {
        return count("SELECT count(*) FROM task_completions WHERE task_id = ?", taskId);
    }

    @Test
    void undoRemovesATaskJustCaptured() {
        Person ada = personWithVerifiedPhone();

        text(ada.phone(), "book the train tickets");
        assertThat(tasksTitled(ada.id(), "book the train tickets")).isEqualTo(1);

        assertThat(text(ada.phone(), "undo")).isEqualTo("Undone: removed book the train tickets.");
        assertThat(tasksTitled(ada.id(), "book the train tickets")).isZero();
    }

    @Test
    void tomorrowOverdueAndNextListTheirOwnTasks() {
        Person ada = personWithVerifiedPhone();
        text(ada.phone(), "pay the rent today");
        sql.update("UPDATE tasks SET due_date = ? WHERE user_id = ? AND title = 'pay the rent'", today().minusDays(1), ada.id());
        text(ada.phone(), "dentist tomorrow 10:30");
        text(ada.phone(), "pick up parcel tomorrow");

        assertThat(text(ada.phone(), "overdue")).isEqualTo("Overdue (1):\n1. pay the rent (yesterday)");
        assertThat(text(ada.phone(), "tomorrow")).isEqualTo("Tomorrow (2):\n1. pick up parcel\n2. dentist 10:30");
        assertThat(text(ada.phone(), "next")).isEqualTo("Next: pay the rent (yesterday). Reply DONE or SNOOZE 1h.");
        // "done" after NEXT: the one task just shown.
        assertThat(text(ada.phone(), "done")).startsWith("Done: pay the rent.");
        assertThat(text(ada.phone(), "next")).isEqualTo("Next: pick up parcel (tomorrow). Reply DONE or SNOOZE 1h.");
    }

    @Test
    void doneRightAfterAReminderActsOnTheRemindedTask() {
        Person ada = personWithVerifiedPhone();
        text(ada.phone(), "water the plants");
        text(ada.phone(), "call grandma");
        UUID plants = taskTitled(ada.id(), "water the plants");
        UUID grandma = taskTitled(ada.id(), "call grandma");
        reminderSent(ada, grandma, clock.instant().minus(Duration.ofHours(13)));
        assertThat(text(ada.phone(), "done")).as("a reminder from yesterday is no context")
                .isEqualTo("Which task? Reply LIST, then e.g. DONE 2 or SNOOZE 2 1h.");

        reminderSent(ada, plants, clock.instant().minus(Duration.ofMinutes(10)));

        assertThat(text(ada.phone(), "Done!")).isEqualTo("Done: water the plants. Well done! UNDO to take it back.");
        assertThat(sql.value(String.class, "SELECT status FROM tasks WHERE id = ?", plants)).isEqualTo("DONE");
        assertThat(sql.value(String.class, "SELECT status FROM tasks WHERE id = ?", grandma)).isEqualTo("OPEN");
    }

    /** A reminder as the send-sms side logs it once Twilio took it. */
    private static void reminderSent(Person person, UUID taskId, Instant at) {
        sql.update("INSERT INTO sms_messages (id, direction, user_id, phone, body, encoding, segments, kind, status, task_id, "
                        + "created_at, sent_at) VALUES (?, 'OUTBOUND', ?, ?, 'Reminder', 'GSM7', 1, 'REMINDER', 'DELIVERED', ?, ?, ?)",
                UUID.randomUUID(), person.id(), person.phone(), taskId, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC));
    }

    @Test
    void breakDownShowsTheStepsAsTheNewList() {
        Person ada = personWithVerifiedPhone();
        text(ada.phone(), "clean the garage saturday");
        assertThat(text(ada.phone(), "list")).isEqualTo("Nothing due today. Text a task to add it.");
        assertThat(text(ada.phone(), "break down 1")).isEqualTo("Which task? Reply LIST, then e.g. DONE 2 or SNOOZE 2 1h.");
        assertThat(text(ada.phone(), "next")).startsWith("Next: clean the garage (Sat 14 Mar).");

        String steps = text(ada.phone(), "break down 1");

        assertThat(steps).startsWith("Split clean the garage into ");
        long subtasks = count("SELECT count(*) FROM tasks WHERE parent_id = ?", taskTitled(ada.id(), "clean the garage"));
        assertThat(subtasks).isBetween(3L, 6L);
        assertThat(text(ada.phone(), "break down 1")).as("the list is now the steps")
                .isEqualTo("A step cannot be broken down further.");
        assertThat(text(ada.phone(), "done 1")).startsWith("Done: ");
        assertThat(count("SELECT count(*) FROM tasks WHERE parent_id = ? AND position = 0 AND status = 'DONE'",
                taskTitled(ada.id(), "clean the garage"))).isEqualTo(1);
    }

    @Test
    void longAndUnicodeTextsAreRecordedWithTheirSegments() {
        Person ada = personWithVerifiedPhone();
        String longSid = TwilioWebhook.newMessageSid();
        String emojiSid = TwilioWebhook.newMessageSid();
        String euroSid = TwilioWebhook.newMessageSid();
        String cafeSid = TwilioWebhook.newMessageSid();

        assertThat(text(longSid, ada.phone(), "a".repeat(5_000))).isEqualTo("That is too long for one task. Send a shorter text.");
        text(emojiSid, ada.phone(), "\uD83D\uDE00".repeat(100));
        text(euroSid, ada.phone(), "\u20AC".repeat(100));
        String cafe = text(cafeSid, ada.phone(), "Buy \uD83E\uDD5B for the caf\u00E9 tomorrow");

        // 5,000 septets in parts of 153; emoji in parts of 67 UTF-16 units that never split one (33 a part);
        // the euro sign is a GSM escape pair, 76 to a 153-septet part.
        assertSegments(longSid, "GSM7", 33);
        assertSegments(emojiSid, "UCS2", 4);
        assertSegments(euroSid, "GSM7", 2);
        assertSegments(cafeSid, "UCS2", 1);
        assertThat(cafe).isEqualTo("Added: Buy \uD83E\uDD5B for the caf\u00E9, due tomorrow. UNDO to remove it.");
        assertThat(count("SELECT count(*) FROM sms_messages o JOIN sms_messages i ON o.in_reply_to = i.id WHERE i.twilio_sid = ? "
                + "AND o.encoding = 'UCS2' AND o.segments = 1 AND o.body = ?", cafeSid, cafe)).isEqualTo(1);
        assertThat(count("SELECT length(body)::bigint FROM sms_messages WHERE twilio_sid = ?", longSid)).isEqualTo(5_000);
    }

    private static void assertSegments(String messageSid, String encoding, int segments) {
        assertThat(sql.value(String.class, "SELECT encoding || ' ' || segments FROM sms_messages WHERE twilio_sid = ?", messageSid))
                .isEqualTo(encoding + " " + segments);
    }

    @Test
    void helpListsTheCommandsInOneSegment() {
        Person ada = personWithVerifiedPhone();

        String help = text(ada.phone(), "help");

        assertThat(help).contains("LIST", "DONE 2", "SNOOZE", "UNDO", "STOP");
        assertThat(help.length()).isLessThanOrEqualTo(160);
        assertThat(text(ada.phone(), "what is on my plate?")).startsWith("I can't answer questions here.");
    }

    private static Person personWithVerifiedPhone(String locale) {
        Person person = personWithVerifiedPhone();
        sql.update("UPDATE users SET locale = ? WHERE id = ?", locale, person.id());
        return person;
    }

    /** The reply, after checking it went back as one segment. */
    private static String oneSegment(String reply) {
        assertThat(SmsText.of(reply).segments()).as(reply).isEqualTo(1);
        return reply;
    }

    @Test
    void aFrenchProfileTextsInFrenchAndIsAnsweredInFrench() {
        Person lea = personWithVerifiedPhone("fr");

        assertThat(oneSegment(text(lea.phone(), "appeler maman demain 17h")))
                .isEqualTo("Ajouté : appeler maman, pour demain 17h. ANNULER pour le retirer.");
        assertThat(oneSegment(text(lea.phone(), "acheter du pain aujourd'hui")))
                .isEqualTo("Ajouté : acheter du pain, pour aujourd'hui. ANNULER pour le retirer.");
        assertThat(text(lea.phone(), "LISTE")).isEqualTo("Aujourd'hui (1):\n1. acheter du pain");
        assertThat(text(lea.phone(), "demain")).isEqualTo("Demain (1):\n1. appeler maman 17h");
        assertThat(text(lea.phone(), "liste")).startsWith("Aujourd'hui (1):");
        assertThat(oneSegment(text(lea.phone(), "fait 1")))
                .isEqualTo("Fait : acheter du pain. Bravo ! ANNULER pour revenir en arrière.");
        assertThat(text(lea.phone(), "annuler")).isEqualTo("Annulé : acheter du pain est de nouveau à faire.");
        assertThat(sql.value(String.class, "SELECT status FROM tasks WHERE id = ?", taskTitled(lea.id(), "acheter du pain")))
                .isEqualTo("OPEN");
        assertThat(oneSegment(text(lea.phone(), "reporter 1 20m"))).startsWith("Reporté : acheter du pain, jusqu'à aujourd'hui ")
                .endsWith(". ANNULER pour revenir en arrière.");
        assertThat(sql.value(OffsetDateTime.class, "SELECT snoozed_until FROM tasks WHERE id = ?",
                taskTitled(lea.id(), "acheter du pain")).toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
        assertThat(text(lea.phone(), "done 1")).as("English commands still work").startsWith("Fait : acheter du pain.");
        assertThat(text(lea.phone(), "x".repeat(1_001))).as("a rule's refusal, in French too")
                .isEqualTo("C'est trop long pour une seule chose à faire. Envoyez un texte plus court.");
        String help = oneSegment(text(lea.phone(), "aide"));
        assertThat(help).contains("LISTE", "FAIT 2", "REPORTER", "ANNULER", "STOP");
        assertThat(SmsText.of(help).encoding()).isEqualTo(SmsText.Encoding.GSM7);
    }

    @Test
    void aSpanishProfileTextsInSpanishAndIsAnsweredInSpanish() {
        Person ana = personWithVerifiedPhone("es-MX");

        // á is outside GSM 7-bit: the reply goes as UCS-2, still one segment of 70 with its hint.
        String mama = text(ana.phone(), "llamar a mamá mañana a las 5");
        assertThat(mama).isEqualTo("Añadida: llamar a mamá, para mañana 17:00. DESHACER para quitarla.");
        assertThat(SmsText.of(mama)).isEqualTo(new SmsText(SmsText.Encoding.UCS2, 1));
        String bread = text(ana.phone(), "comprar pan hoy");
        assertThat(bread).isEqualTo("Añadida: comprar pan, para hoy. DESHACER para quitarla.");
        assertThat(SmsText.of(bread)).as("ñ is GSM 7-bit").isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1));
        assertThat(text(ana.phone(), "lista")).isEqualTo("Hoy (1):\n1. comprar pan");
        assertThat(text(ana.phone(), "MAÑANA")).isEqualTo("Mañana (1):\n1. llamar a mamá 17:00");
        assertThat(text(ana.phone(), "hoy")).startsWith("Hoy (1):");
        assertThat(oneSegment(text(ana.phone(), "hecho 1"))).isEqualTo("Hecha: comprar pan. ¡Bien hecho! DESHACER para revertirlo.");
        assertThat(text(ana.phone(), "deshacer")).isEqualTo("Deshecho: comprar pan vuelve a estar pendiente.");
        assertThat(oneSegment(text(ana.phone(), "posponer 1 20m"))).startsWith("Pospuesta: comprar pan, hasta hoy ");
        assertThat(text(ana.phone(), "deshacer")).isEqualTo("Deshecho: comprar pan ya no queda pospuesta.");
        assertThat(text(ana.phone(), "hecho 9")).isEqualTo("No hay un 9 en la lista anterior. Responde LISTA para verla otra vez.");
        assertThat(oneSegment(text(ana.phone(), "ayuda"))).contains("LISTA", "HECHO 2", "POSPONER", "DESHACER", "STOP");
        assertThat(text(ana.phone(), "¿qué tengo hoy?")).startsWith("No puedo responder preguntas por SMS.");
    }

    @Test
    void aTextWithNothingLeftForTheTitleIsRefusedInThePersonsLanguage() {
        Person ada = personWithVerifiedPhone();
        Person lea = personWithVerifiedPhone("fr");
        Person ana = personWithVerifiedPhone("es");

        assertThat(text(ada.phone(), "tomorrow 5pm !high")).isEqualTo("Add a few words for the title, e.g. call mom tomorrow 5pm.");
        assertThat(text(lea.phone(), "demain 17h")).isEqualTo("Ajoutez quelques mots pour le titre, par ex. appeler maman demain 17h.");
        assertThat(text(ana.phone(), "mañana a las 5 #casa"))
                .isEqualTo("Falta el nombre de la tarea: añade unas palabras, p. ej. llamar a Ana mañana a las 5.");

        assertThat(count("SELECT count(*) FROM tasks WHERE user_id IN (?, ?, ?)", ada.id(), lea.id(), ana.id())).isZero();
        assertThat(text(ana.phone(), "deshacer")).as("nothing was done to undo").isEqualTo("Nada que deshacer.");
    }
}
