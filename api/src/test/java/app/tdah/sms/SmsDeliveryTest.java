package app.tdah.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.tdah.platform.Database;
import app.tdah.testing.FakeTwilio;
import app.tdah.testing.FakeTwilio.Hang;
import app.tdah.testing.FakeTwilio.Refuse;
import app.tdah.testing.MovableClock;
import app.tdah.testing.ServerExtension;
import app.tdah.testing.TestAccounts;
import app.tdah.testing.TestServices;
import app.tdah.testing.TestSql;
import app.tdah.testing.TwilioRequests;
import app.tdah.testing.TwilioWebhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound texts as the product sends them: queued in the SMS outbox, sent by the scheduled send-sms job through the
 * Twilio SDK to a fake Twilio that can fail, throttle or hang, and followed by signed status callbacks. Time is a
 * clock the test moves, so a retry is due when the test says; "never again" is checked over later job runs.
 */
class SmsDeliveryTest {

    private static final FakeTwilio twilio = FakeTwilio.start();
    private static final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @RegisterExtension
    static final ServerExtension server = ServerExtension.start(settings(), clock);

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PER_PERSON_PER_HOUR = 4;
    private static final Pattern SERIES = Pattern.compile("(?m)^(\\w+)(?:\\{([^}]*)})? (\\S+)$");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DbClient db;
    private static SmsOutbox outbox;

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(twilio.settings());
        settings.put("pa.twilio.timeout.seconds", "1");
        // Replies to texts come back in TwiML (their outbox path is SmsLlmAssistantTest's).
        settings.put("pa.sms.reply.budget.millis", "5000");
        settings.put("pa.sms.rate.user.per.hour", Integer.toString(PER_PERSON_PER_HOUR));
        return settings;
    }

    @BeforeAll
    static void connect() {
        db = new Database(server.jdbcUrl(), TestServices.pgUser(), TestServices.pgPassword(), 2).openClient();
        outbox = new SmsOutbox(db);
    }

    @AfterAll
    static void close() {
        db.close();
        twilio.close();
    }

    /** Each test starts with an empty queue, so scripted answers go to its own texts. */
    @BeforeEach
    void emptyQueue() {
        sql("DELETE FROM sms_messages");
    }

    @Test
    void aTextIsTriedAgainAfter500And429AndSentOnce() throws Exception {
        String to = randomNumber();
        twilio.script(new Refuse(500, 20500, "Internal Server Error"), new Refuse(429, 20429, "Too Many Requests"));
        double transientBefore = counter("sms_failed_total", "kind=\"transient\"");
        double sentBefore = counter("sms_sent_total", "");

        enqueue(null, to, "REPLY", "Added: buy milk (tomorrow).");
        twilio.awaitFor(to, 1, WAIT);
        awaitRow(to, "status = 'PENDING' AND attempts = 1 AND last_error LIKE 'Twilio 500 error 20500:%'");
        clock.advance(Duration.ofMinutes(1));
        twilio.awaitFor(to, 2, WAIT);
        awaitRow(to, "status = 'PENDING' AND attempts = 2 AND last_error LIKE 'Twilio 429 error 20429:%'");
        clock.advance(Duration.ofMinutes(1));
        List<FakeTwilio.Received> requests = twilio.awaitFor(to, 3, WAIT);
        awaitRow(to, "status = 'QUEUED' AND attempts = 3 AND last_error IS NULL AND twilio_sid = '" + requests.get(2).sid() + "'");
        awaitCounter("sms_failed_total", "kind=\"transient\"", transientBefore + 2);
        awaitCounter("sms_sent_total", "", sentBefore + 1);

        clock.advance(Duration.ofDays(1));
        awaitSendRuns(2);
        assertThat(twilio.receivedFor(to)).hasSize(3);
        assertThat(requests).extracting(FakeTwilio.Received::body).containsOnly("Added: buy milk (tomorrow).");
    }

    @Test
    void aRequestThatHangsTimesOutAndIsTriedAgain() throws Exception {
        String to = randomNumber();
        twilio.script(new Hang());

        enqueue(null, to, "REPLY", "Snoozed for 20 minutes.");
        twilio.awaitFor(to, 1, WAIT);
        awaitRow(to, "status = 'PENDING' AND attempts = 1 AND last_error LIKE 'Twilio did not answer: HttpTimeoutException%'");
        clock.advance(Duration.ofMinutes(1));
        List<FakeTwilio.Received> requests = twilio.awaitFor(to, 2, WAIT);

        awaitRow(to, "status = 'QUEUED' AND attempts = 2 AND twilio_sid = '" + requests.get(1).sid() + "'");
    }

    @Test
    void anInvalidNumberIsDeadAtOnceAndNeverTriedAgain() throws Exception {
        String to = "+15005550001";
        twilio.script(new Refuse(400, 21211, "The 'To' number " + to + " is not a valid phone number."));
        double permanentBefore = counter("sms_failed_total", "kind=\"permanent\"");
        double deadBefore = counter("sms_dead_total", "");

        enqueue(null, to, "REPLY", "Done: call mom.");
        twilio.awaitFor(to, 1, WAIT);
        awaitRow(to, "status = 'DEAD' AND attempts = 1 AND last_error LIKE 'Twilio 400 error 21211: The ''To'' number%'");
        awaitCounter("sms_failed_total", "kind=\"permanent\"", permanentBefore + 1);
        awaitCounter("sms_dead_total", "", deadBefore + 1);
        clock.advance(Duration.ofDays(1));
        awaitSendRuns(2);

        assertThat(twilio.receivedFor(to)).hasSize(1);
    }

    @Test
    void aNumberTwilioRefusesAsUnsubscribedIsOptedOutAndSentNothingMore() throws Exception {
        String to = randomNumber();
        twilio.script(new Refuse(400, 21610, "Attempt to send to unsubscribed recipient"));

        enqueue(null, to, "REMINDER", "Reminder: call the bank.");
        twilio.awaitFor(to, 1, WAIT);
        awaitRow(to, "status = 'DEAD' AND last_error LIKE 'Twilio 400 error 21610:%'");
        assertThat(count("SELECT count(*) FROM sms_opt_outs WHERE e164 = '" + to + "'")).isEqualTo(1);
        enqueue(null, to, "REMINDER", "Reminder: water the plants.");

        awaitRow(to, "body = 'Reminder: water the plants.' AND status = 'SKIPPED' AND last_error = 'opted out'");
        assertThat(twilio.receivedFor(to)).hasSize(1);
    }

    @Test
    void textsToANumberThatOptedOutAreSkippedButTheOptOutConfirmation() throws Exception {
        String to = randomNumber();
        sql("INSERT INTO sms_opt_outs (e164) VALUES ('" + to + "')");
        double skippedBefore = counter("sms_skipped_total", "");

        enqueue(null, to, "REMINDER", "Reminder: stretch.");
        enqueue(null, to, "OPT_OUT_CONFIRMATION", "You will get no more texts from us. Reply START to undo.");

        awaitRow(to, "kind = 'REMINDER' AND status = 'SKIPPED' AND last_error = 'opted out' AND twilio_sid IS NULL");
        awaitCounter("sms_skipped_total", "", skippedBefore + 1);
        awaitRow(to, "kind = 'OPT_OUT_CONFIRMATION' AND status = 'QUEUED'");
        awaitSendRuns(1);
        assertThat(twilio.receivedFor(to)).extracting(FakeTwilio.Received::body)
                .containsExactly("You will get no more texts from us. Reply START to undo.");
    }

    @Test
    void aPersonsTextsOverTheirLimitWaitWithoutCountingAnAttempt() throws Exception {
        UUID person = personId();
        String to = randomNumber();
        double deferredBefore = counter("sms_deferred_total", "");
        for (int i = 1; i <= PER_PERSON_PER_HOUR + 2; i++) {
            enqueue(person, to, "REPLY", "Reply " + i);
        }

        twilio.awaitFor(to, PER_PERSON_PER_HOUR, WAIT);
        awaitRow(to, "status = 'PENDING' AND attempts = 0 AND next_attempt_at >= '" + clock.instant().plus(Duration.ofMinutes(15)) + "'", 2);
        awaitCounter("sms_deferred_total", "", deferredBefore + 2);
        awaitSendRuns(1);
        assertThat(twilio.receivedFor(to)).hasSize(PER_PERSON_PER_HOUR);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE phone = '" + to + "' AND status = 'QUEUED'")).isEqualTo(PER_PERSON_PER_HOUR);
    }

    @Test
    void signedStatusCallbacksMoveTheStatusForwardOnly() throws Exception {
        String to = randomNumber();
        enqueue(null, to, "REPLY", "Today: 1. call mom");
        String sid = twilio.awaitFor(to, 1, WAIT).getFirst().sid();
        awaitRow(to, "status = 'QUEUED'");

        assertThat(callback(sid, to, "sent", null).statusCode()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE twilio_sid = '" + sid + "' AND status = 'SENT' "
                + "AND status_at = '" + clock.instant() + "'")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));
        assertThat(callback(sid, to, "delivered", null).statusCode()).isEqualTo(204);
        assertThat(callback(sid, to, "sent", null).statusCode()).as("a late callback").isEqualTo(204);

        assertThat(count("SELECT count(*) FROM sms_messages WHERE twilio_sid = '" + sid + "' AND status = 'DELIVERED' "
                + "AND status_at = '" + clock.instant() + "'")).isEqualTo(1);
    }

    @Test
    void statusesReportedBeforeTheSidIsStoredApplyWhenItIs() throws Exception {
        String to = randomNumber();
        List<Integer> early = new java.util.concurrent.CopyOnWriteArrayList<>();
        twilio.script(new FakeTwilio.AcceptAfter(sid -> {
            early.add(callback(sid, to, "sent", null).statusCode());
            early.add(callback(sid, to, "delivered", null).statusCode());
        }));

        enqueue(null, to, "REPLY", "Added: call the bank, due tomorrow.");
        String sid = twilio.awaitFor(to, 1, WAIT).getFirst().sid();

        awaitRow(to, "status = 'DELIVERED' AND twilio_sid = '" + sid + "' AND status_at = '" + clock.instant() + "'");
        assertThat(early).containsExactly(204, 204);
        assertThat(count("SELECT count(*) FROM sms_early_statuses WHERE twilio_sid = '" + sid + "'")).as("applied, not kept").isZero();
    }

    @Test
    void anUndeliveredTextKeepsTwilioErrorCode() throws Exception {
        String to = randomNumber();
        enqueue(null, to, "REPLY", "Next: water the plants");
        String sid = twilio.awaitFor(to, 1, WAIT).getFirst().sid();
        awaitRow(to, "status = 'QUEUED'");

        assertThat(callback(sid, to, "undelivered", "30003").statusCode()).isEqualTo(204);

        assertThat(count("SELECT count(*) FROM sms_messages WHERE twilio_sid = '" + sid + "' AND status = 'UNDELIVERED' "
                + "AND last_error = 'Twilio error 30003'")).isEqualTo(1);
    }

    @Test
    void aForgedOrUnsignedCallbackIsRefusedAndAudited() throws Exception {
        String to = randomNumber();
        enqueue(null, to, "REPLY", "Undone.");
        String sid = twilio.awaitFor(to, 1, WAIT).getFirst().sid();
        awaitRow(to, "status = 'QUEUED'");
        Map<String, String> failed = params(sid, to, "failed", null);
        String url = server.settings().publicUrl() + "/sms/twilio/status";

        HttpResponse<String> wrongKey = TwilioRequests.post(server.baseUrl(), "/sms/twilio/status", failed,
                TwilioRequests.sign("not-the-auth-token", url, failed));
        Map<String, String> tampered = new LinkedHashMap<>(failed);
        tampered.put("MessageStatus", "delivered");
        HttpResponse<String> changedAfterSigning = TwilioRequests.post(server.baseUrl(), "/sms/twilio/status", failed,
                TwilioRequests.sign(FakeTwilio.AUTH_TOKEN, url, tampered));
        HttpResponse<String> unsigned = TwilioRequests.post(server.baseUrl(), "/sms/twilio/status", failed, null);
        HttpResponse<String> signedForAnotherUrl = TwilioRequests.post(server.baseUrl(), "/sms/twilio/status", failed,
                TwilioRequests.sign(FakeTwilio.AUTH_TOKEN, server.baseUrl() + "/sms/twilio/status", failed));

        assertThat(List.of(wrongKey, changedAfterSigning, unsigned, signedForAnotherUrl)).extracting(HttpResponse::statusCode)
                .containsOnly(403);
        assertThat(count("SELECT count(*) FROM sms_messages WHERE twilio_sid = '" + sid + "' AND status = 'QUEUED'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'sms_status_signature_invalid' AND outcome = 'denied' "
                + "AND details->>'reason' = 'signature does not match'")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'sms_status_signature_invalid' "
                + "AND details->>'reason' = 'no signature' AND user_agent = 'TwilioProxy/1.1'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSignedCallbackWithoutItsParametersIsABadRequest() {
        Map<String, String> noStatus = new LinkedHashMap<>(params("SM" + "0".repeat(32), randomNumber(), "sent", null));
        noStatus.remove("MessageStatus");

        HttpResponse<String> response = callback(noStatus);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MessageStatus");
    }

    @Test
    void aCallbackThatIsNotAFormIsUnsupportedAndAMalformedFormABadRequest() {
        String sid = "SM" + "1".repeat(32);
        long auditedBefore = count("SELECT count(*) FROM audit_events WHERE action = 'sms_status_signature_invalid'");

        HttpResponse<String> json = TwilioRequests.post(server.baseUrl(), "/sms/twilio/status",
                "{\"MessageSid\":\"" + sid + "\",\"MessageStatus\":\"delivered\"}", "application/json", "c2lnbmF0dXJl");
        HttpResponse<String> malformed = TwilioRequests.post(server.baseUrl(), "/sms/twilio/status",
                "MessageSid=" + sid + "&MessageStatus=%zz", "application/x-www-form-urlencoded", "c2lnbmF0dXJl");

        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("The form body is malformed.");
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'sms_status_signature_invalid'"))
                .as("refused before the signature is looked at").isEqualTo(auditedBefore);
    }

    @Test
    void anSmsReminderReachesTwilioOnceAndNamesItsTask() throws Exception {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        TestAccounts.SignedUp phoneless = TestAccounts.signUp(server.baseUrl(), "UTC");
        String to = randomNumber();
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update("UPDATE users SET quiet_start = '00:00', quiet_end = '00:00' WHERE email IN (?, ?)", person.email(), phoneless.email());
            sql.update("INSERT INTO phones (user_id, e164, verified_at) VALUES (?, ?, now())", sql.userId(person.email()), to);
        }
        String remindAt = clock.instant().plusSeconds(30).toString();
        for (TestAccounts.SignedUp someone : List.of(person, phoneless)) {
            JsonNode created = someone.client().execute("mutation C($i: CreateTaskInput!) { createTask(input: $i) { userErrors { message } } }",
                    Map.of("i", Map.of("title", "water the plants", "reminders",
                            List.of(Map.of("remindAt", remindAt, "channels", List.of("SMS", "IN_APP")))))).data("createTask");
            assertThat(created.path("userErrors")).isEmpty();
        }

        clock.advance(Duration.ofMinutes(1));
        FakeTwilio.Received text = twilio.awaitFor(to, 1, WAIT).getFirst();
        awaitRuns("dispatch-reminders", 2);
        awaitSendRuns(2);

        assertThat(text.body()).isEqualTo("Reminder: water the plants. Reply DONE when it's done, or SNOOZE 20m.");
        assertThat(twilio.receivedFor(to)).hasSize(1);
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            UUID personId = sql.userId(person.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM sms_messages m JOIN tasks t ON t.id = m.task_id "
                    + "WHERE m.user_id = ? AND t.user_id = ? AND t.title = 'water the plants' AND m.kind = 'REMINDER' "
                    + "AND m.idempotency_key LIKE 'reminder:%' AND m.status = 'QUEUED'", personId, personId)).isEqualTo(1);
            UUID phonelessId = sql.userId(phoneless.email());
            assertThat(sql.value(Long.class, "SELECT count(*) FROM notifications WHERE user_id = ?", phonelessId))
                    .as("the reminder still reaches the person without a phone in the app").isEqualTo(1);
            assertThat(sql.value(Long.class, "SELECT count(*) FROM sms_messages WHERE user_id = ?", phonelessId)).isZero();
        }
    }

    @Test
    void aFrenchProfileGetsItsReminderInFrenchAndFrenchAnswersToFaitAndReporter() throws Exception {
        TestAccounts.SignedUp lea = TestAccounts.signUp(server.baseUrl(), PARIS.getId());
        String to = randomNumber();
        UUID leaId;
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            leaId = sql.userId(lea.email());
            sql.update("UPDATE users SET locale = 'fr-FR', quiet_start = '00:00', quiet_end = '00:00' WHERE id = ?", leaId);
            sql.update("INSERT INTO phones (user_id, e164, verified_at) VALUES (?, ?, now())", leaId, to);
        }
        JsonNode created = lea.client().execute("mutation C($i: CreateTaskInput!) { createTask(input: $i) { userErrors { message } } }",
                Map.of("i", Map.of("title", "arroser les plantes", "dueDate", "2027-08-13", "reminders",
                        List.of(Map.of("remindAt", clock.instant().plusSeconds(30).toString(), "channels", List.of("SMS")))))).data("createTask");
        assertThat(created.path("userErrors")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        FakeTwilio.Received reminder = twilio.awaitFor(to, 1, WAIT).getFirst();

        assertThat(reminder.body()).isEqualTo("Rappel : arroser les plantes (pour ven 13 aout). Répondez FAIT quand c'est fait, "
                + "ou REPORTER 20m.");
        assertThat(SmsText.of(reminder.body())).isEqualTo(new SmsText(SmsText.Encoding.GSM7, 1));

        ZonedDateTime until = clock.instant().plus(Duration.ofMinutes(20)).atZone(PARIS);
        String day = until.toLocalDate().equals(clock.instant().atZone(PARIS).toLocalDate()) ? "aujourd'hui" : "demain";
        String time = until.getHour() + "h" + (until.getMinute() == 0 ? "" : String.format("%02d", until.getMinute()));
        assertThat(text(to, "reporter 20m")).as("the reminded task, without a number")
                .isEqualTo("Reporté : arroser les plantes, jusqu'à " + day + " " + time + ". ANNULER pour revenir en arrière.");
        assertThat(text(to, "fait")).isEqualTo("Fait : arroser les plantes. Bravo ! ANNULER pour revenir en arrière.");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            assertThat(sql.value(String.class, "SELECT status FROM tasks WHERE user_id = ? AND title = 'arroser les plantes'", leaId))
                    .isEqualTo("DONE");
        }
    }

    /** Texts the webhook as Twilio would and returns the reply in its TwiML. */
    private static String text(String from, String body) {
        HttpResponse<String> response = new TwilioWebhook(server.baseUrl(), server.settings().publicUrl().toString(),
                FakeTwilio.AUTH_TOKEN).text(TwilioWebhook.newMessageSid(), from, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TwilioWebhook.message(response);
    }

    private static void enqueue(UUID userId, String to, String kind, String body) {
        assertThat(outbox.enqueue(new SmsOutbox.OutboundSms(userId, to, body, kind, null, null, null), clock.instant())).isTrue();
    }

    private static HttpResponse<String> callback(String sid, String to, String status, String errorCode) {
        return callback(params(sid, to, status, errorCode));
    }

    /** Signed as Twilio signs: the public URL it was given, which is not where this test server listens. */
    private static HttpResponse<String> callback(Map<String, String> params) {
        String url = server.settings().publicUrl() + "/sms/twilio/status";
        return TwilioRequests.post(server.baseUrl(), "/sms/twilio/status", params, TwilioRequests.sign(FakeTwilio.AUTH_TOKEN, url, params));
    }

    /** What Twilio posts to a StatusCallback. */
    private static Map<String, String> params(String sid, String to, String status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", FakeTwilio.FROM);
        params.put("MessageSid", sid);
        params.put("MessageStatus", status);
        params.put("SmsSid", sid);
        params.put("SmsStatus", status);
        params.put("To", to);
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        return params;
    }

    private static UUID personId() {
        TestAccounts.SignedUp person = TestAccounts.signUp(server.baseUrl(), "UTC");
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.userId(person.email());
        }
    }

    private static void awaitRow(String to, String condition) throws InterruptedException {
        awaitRow(to, condition, 1);
    }

    /** Waits until {@code rows} texts to this number meet the condition. */
    private static void awaitRow(String to, String condition, int rows) throws InterruptedException {
        String query = "SELECT count(*) FROM sms_messages WHERE phone = '" + to + "' AND " + condition;
        Instant deadline = Instant.now().plus(WAIT);
        while (count(query) < rows) {
            assertThat(Instant.now()).as(rows + " row(s) to " + to + " with " + condition + "; rows: "
                    + describeRows(to)).isBefore(deadline);
            Thread.sleep(50); // polling a condition with a deadline
        }
    }

    private static void awaitSendRuns(int runs) throws InterruptedException {
        awaitRuns("send-sms", runs);
    }

    /** Waits until the scheduler has finished {@code runs} runs of the job that started after now. */
    private static void awaitRuns(String job, int runs) throws InterruptedException {
        String since = Instant.now().atOffset(ZoneOffset.UTC).toString();
        Instant deadline = Instant.now().plus(WAIT);
        while (count("SELECT count(*) FROM job_runs WHERE job = '" + job + "' AND succeeded AND started_at > '" + since + "'") < runs) {
            assertThat(Instant.now()).as(runs + " runs of " + job).isBefore(deadline);
            Thread.sleep(50); // polling a condition with a deadline
        }
    }

    /** A counter on {@code /observe/metrics}, summed over its series whose labels contain {@code labels}; 0 until it first counts. */
    private static double counter(String name, String labels) {
        HttpResponse<String> metrics;
        try {
            metrics = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double total = 0;
        Matcher series = SERIES.matcher(metrics.body());
        while (series.find()) {
            if (series.group(1).equals(name) && (series.group(2) == null ? "" : series.group(2)).contains(labels)) {
                total += Double.parseDouble(series.group(3));
            }
        }
        return total;
    }

    /** Waits until the counter reaches {@code atLeast}: it moves just after the row's outcome is written. */
    private static void awaitCounter(String name, String labels, double atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (counter(name, labels) < atLeast) {
            assertThat(Instant.now()).as(name + "{" + labels + "} to reach " + atLeast + ", at " + counter(name, labels))
                    .isBefore(deadline);
            Thread.sleep(50); // polling a condition with a deadline
        }
    }

    private static String describeRows(String to) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(String.class, "SELECT string_agg(kind || ' ' || status || ' ' || attempts || ' ' || coalesce(last_error, '-'), '; ') "
                    + "FROM sms_messages WHERE phone = ?", to);
        }
    }

    private static long count(String query) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            return sql.value(Long.class, query);
        }
    }

    private static void sql(String statement) {
        try (TestSql sql = TestSql.connect(server.jdbcUrl())) {
            sql.update(statement);
        }
    }

    /** A number no other test uses (Twilio's fake recipients start +1 500 555). */
    private static String randomNumber() {
        return "+1415555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }
}
