package app.tdah.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.tdah.jobs.coordination.RedissonCoordination;
import app.tdah.jobs.outbox.RetryPolicy;
import app.tdah.jobs.sms.SendSmsJob;
import app.tdah.jobs.sms.SmsSendLimits;
import app.tdah.jobs.sms.TwilioSmsSender;
import app.tdah.platform.Database;
import app.tdah.platform.Redis;
import app.tdah.testing.FakeTwilio;
import app.tdah.testing.TestServices;

import io.helidon.dbclient.DbClient;
import org.redisson.api.RedissonClient;

/**
 * Outbound throughput of one send-sms run: N texts queued, then sent through the Twilio SDK to the fake Twilio on
 * loopback, each claim, request and SID write included, the per-person and global limits asked for every text. Not a
 * JUnit test; run its main with the test classpath (bench/sms-send). Arguments: texts (default 2000), people (100).
 */
public final class SmsSendBench {

    private SmsSendBench() {
    }

    public static void main(String[] args) {
        int texts = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String jdbcUrl = TestServices.createDatabase();
        Database database = new Database(jdbcUrl, TestServices.pgUser(), TestServices.pgPassword(), 4);
        database.migrate();
        RedissonClient redis = Redis.connect(TestServices.redisUrl(), Redis.Topology.SINGLE, "");
        try (DbClient db = database.openClient(); FakeTwilio twilio = FakeTwilio.start()) {
            UUID[] users = new UUID[people];
            for (int i = 0; i < people; i++) {
                users[i] = UUID.randomUUID();
                db.execute().insert("INSERT INTO users (id, email, password_hash, display_name, time_zone) VALUES (?::uuid, ?, 'x', 'B', 'UTC')",
                        users[i], "bench" + i + "@example.com");
            }
            SmsOutbox outbox = new SmsOutbox(db);
            for (int i = 0; i < texts; i++) {
                outbox.enqueue(new SmsOutbox.OutboundSms(users[i % people], String.format("+1415555%04d", i % 10_000),
                        "Reminder: bench task " + i + ". Reply DONE when it's done, or SNOOZE 20m.", "REMINDER", null, null, null),
                        Instant.now());
            }
            SendSmsJob job = new SendSmsJob(new SmsMessageRepository(db), new TwilioSmsSender(SmsOutboxTest.settings(twilio, FakeTwilio.AUTH_TOKEN)),
                    RetryPolicy.withMaxAttempts(6), new SmsSendLimits(1_000_000, Duration.ofHours(1), 1_000_000, Duration.ofMinutes(1)),
                    new RedissonCoordination(redis, "pa-bench-" + UUID.randomUUID()), Clock.systemUTC());

            long started = System.nanoTime();
            int sent = job.sendDue();
            double seconds = (System.nanoTime() - started) / 1e9;

            System.out.printf("%d of %d texts accepted in %.2f s: %.0f texts/s, one sender (%d requests reached the fake Twilio)%n",
                    sent, texts, seconds, sent / seconds, twilio.received().size());
        } finally {
            redis.shutdown();
            TestServices.dropDatabase(jdbcUrl);
        }
    }
}
