package app.tdah.sms;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import app.tdah.jobs.coordination.Coordination;
import app.tdah.jobs.coordination.RedissonCoordination;
import app.tdah.jobs.outbox.RetryPolicy;
import app.tdah.jobs.sms.SendSmsJob;
import app.tdah.jobs.sms.SmsSendLimits;
import app.tdah.jobs.sms.TwilioSettings;
import app.tdah.jobs.sms.TwilioSmsSender;
import app.tdah.platform.Database;
import app.tdah.platform.Redis;
import app.tdah.testing.FakeTwilio;
import app.tdah.testing.FakeTwilio.Refuse;
import app.tdah.testing.MovableClock;
import app.tdah.testing.TestServices;
import app.tdah.testing.TestSql;

import io.helidon.dbclient.DbClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send-sms job body against the real database, Redis and a fake Twilio, run by the test itself: what happens when
 * two senders claim at once, when a sender dies holding a claim, and when Twilio keeps failing.
 */
class SmsOutboxTest {

    private static final SmsSendLimits GENEROUS = new SmsSendLimits(1_000, Duration.ofHours(1), 10_000, Duration.ofMinutes(1));
    private static String jdbcUrl;
    private static DbClient db;
    private static RedissonClient redis;
    private static Coordination coordination;

    private MovableClock clock;
    private FakeTwilio twilio;
    private SmsOutbox outbox;
    private SmsMessageRepository queue;

    @BeforeAll
    static void createDatabase() {
        jdbcUrl = TestServices.createDatabase();
        Database database = new Database(jdbcUrl, TestServices.pgUser(), TestServices.pgPassword(), 8);
        database.migrate();
        db = database.openClient();
        redis = Redis.connect(TestServices.redisUrl(), Redis.Topology.SINGLE, "");
        coordination = new RedissonCoordination(redis, "pa-test-" + UUID.randomUUID());
    }

    @AfterAll
    static void dropDatabase() {
        redis.shutdown();
        db.close();
        TestServices.dropDatabase(jdbcUrl);
    }

    @BeforeEach
    void emptyQueueAndFreshTwilio() {
        try (TestSql sql = TestSql.connect(jdbcUrl)) {
            sql.update("DELETE FROM sms_messages");
        }
        clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
        twilio = FakeTwilio.start();
        outbox = new SmsOutbox(db);
        queue = new SmsMessageRepository(db);
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    @Test
    void twoSendersClaimingAtOnceSendEachTextOnce() throws Exception {
        enqueue(60);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = IntStream.range(0, 2).mapToObj(i -> workers.submit(() -> {
                start.await();
                return job(RetryPolicy.withMaxAttempts(6)).sendDue();
            })).toList();
            start.countDown();

            assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(60);
        } finally {
            workers.shutdown();
        }
        assertThat(twilio.received()).hasSize(60).extracting(FakeTwilio.Received::to).doesNotHaveDuplicates();
        assertThat(count("status = 'QUEUED' AND attempts = 1 AND twilio_sid LIKE 'SM%'")).isEqualTo(60);
    }

    @Test
    void textsToOneNumberGoInTheOrderTheyWereQueued() {
        for (int part = 1; part <= 8; part++) {
            outbox.enqueue(new SmsOutbox.OutboundSms(null, "+14155550199", "Today " + part + "/8", "REPLY", null, null, null),
                    clock.instant());
            outbox.enqueue(new SmsOutbox.OutboundSms(null, "+1415555010" + part, "Next: part " + part, "REPLY", null, null, null),
                    clock.instant());
        }

        assertThat(job(RetryPolicy.withMaxAttempts(6)).sendDue()).isEqualTo(16);

        assertThat(twilio.receivedFor("+14155550199")).extracting(FakeTwilio.Received::body)
                .containsExactly("Today 1/8", "Today 2/8", "Today 3/8", "Today 4/8", "Today 5/8", "Today 6/8", "Today 7/8", "Today 8/8");
    }

    @Test
    void aTextClaimedByASenderThatDiedIsSentOnceTheLeaseRunsOut() {
        enqueue(1);
        assertThat(queue.claimDue(clock.instant(), 10)).hasSize(1); // the node that claimed it dies here
        SendSmsJob job = job(RetryPolicy.withMaxAttempts(6));

        assertThat(job.sendDue()).as("the claim still holds").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(job.sendDue()).isEqualTo(1);

        assertThat(twilio.received()).hasSize(1);
        assertThat(count("status = 'QUEUED' AND attempts = 2")).isEqualTo(1);
    }

    @Test
    void aTextThatKeepsFailingIsDeadAfterMaxAttemptsWithTheLastError() {
        enqueue(1);
        twilio.script(new Refuse(503, 20503, "Service Unavailable"), new Refuse(500, 20500, "Internal Server Error"),
                new Refuse(429, 20429, "Too Many Requests"));
        SendSmsJob job = job(RetryPolicy.withMaxAttempts(3));

        job.sendDue();
        clock.advance(Duration.ofHours(1));
        job.sendDue();
        clock.advance(Duration.ofHours(1));
        job.sendDue();
        clock.advance(Duration.ofHours(1));
        job.sendDue();

        assertThat(twilio.received()).hasSize(3);
        assertThat(count("status = 'DEAD' AND attempts = 3 AND last_error LIKE 'Twilio 429 error 20429: Too Many Requests%'")).isEqualTo(1);
    }

    @Test
    void wrongCredentialsKeepTheTextForWhenTheOperatorFixesThem() {
        enqueue(1);
        SendSmsJob wrongToken = new SendSmsJob(queue, new TwilioSmsSender(settings(twilio, "wrong-token")),
                RetryPolicy.withMaxAttempts(6), GENEROUS, coordination, clock);

        wrongToken.sendDue();

        assertThat(count("status = 'PENDING' AND attempts = 1 AND last_error LIKE 'Twilio 401 error 20003: Authenticate%'")).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(job(RetryPolicy.withMaxAttempts(6)).sendDue()).isEqualTo(1);
    }

    private void enqueue(int count) {
        for (int i = 0; i < count; i++) {
            outbox.enqueue(new SmsOutbox.OutboundSms(null, String.format("+1415555%04d", i), "Reminder " + i, "REMINDER",
                    "reminder:" + i, null, null), clock.instant());
        }
    }

    private SendSmsJob job(RetryPolicy retry) {
        return new SendSmsJob(queue, new TwilioSmsSender(settings(twilio, FakeTwilio.AUTH_TOKEN)), retry, GENEROUS, coordination, clock);
    }

    static TwilioSettings settings(FakeTwilio twilio, String authToken) {
        return new TwilioSettings(FakeTwilio.ACCOUNT_SID, authToken, FakeTwilio.FROM, URI.create(twilio.url()),
                URI.create("https://pa.test/sms/twilio/status"), Duration.ofSeconds(2));
    }

    private static long count(String condition) {
        try (TestSql sql = TestSql.connect(jdbcUrl)) {
            return sql.value(Long.class, "SELECT count(*) FROM sms_messages WHERE " + condition);
        }
    }
}
