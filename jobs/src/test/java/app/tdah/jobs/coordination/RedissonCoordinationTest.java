package app.tdah.jobs.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real Redis on 127.0.0.1:6379 (PA_TEST_REDIS_URL to change), with a key prefix of its own. */
class RedissonCoordinationTest {

    private static final String PREFIX = "pa-test-" + UUID.randomUUID();
    private static RedissonClient redis;
    private static Coordination coordination;

    @BeforeAll
    static void connect() {
        String url = System.getenv().getOrDefault("PA_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        Config config = new Config();
        config.useSingleServer().setAddress(url);
        redis = Redisson.create(config);
        coordination = new RedissonCoordination(redis, PREFIX);
    }

    @AfterAll
    static void disconnect() {
        redis.shutdown();
    }

    @Test
    void onlyOneHolderRunsAtATimeAndOthersGiveUpAfterTheirWait() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Optional<String>> first = pool.submit(() -> coordination.withLock("task-1", Duration.ofSeconds(1), () -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Optional<String>> second = pool.submit(() -> coordination.withLock("task-1", Duration.ofMillis(100), () -> "second"));
        assertThat(second.get()).isEmpty();
        assertThat(coordination.withLock("task-2", Duration.ofMillis(100), () -> "other entity")).contains("other entity");
        release.countDown();
        assertThat(first.get()).contains("first");
        assertThat(coordination.withLock("task-1", Duration.ofMillis(100), () -> "after release")).contains("after release");
        pool.shutdown();
    }

    @Test
    void fencingTokensGrowWithEveryAcquisition() {
        List<Long> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            coordination.withFencedLock("sms-sender", Duration.ofSeconds(1), token -> tokens.add(token));
        }
        assertThat(tokens).hasSize(3).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aRateLimiterGivesItsPermitsAndThenRefuses() {
        String name = "sms-" + UUID.randomUUID();
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            if (coordination.tryAcquire(name, 3, Duration.ofMinutes(1))) {
                granted++;
            }
        }
        assertThat(granted).isEqualTo(3);
    }

    @Test
    void anIdempotencyKeyIsFirstOnlyOnce() {
        String key = "twilio:SM" + UUID.randomUUID();
        assertThat(coordination.firstTime(key, Duration.ofHours(1))).isTrue();
        assertThat(coordination.firstTime(key, Duration.ofHours(1))).isFalse();
        assertThat(coordination.firstTime(key + "-other", Duration.ofHours(1))).isTrue();
    }

    @Test
    void countersCountWithinTheirWindowAndFlagsStayRaisedForTheirTime() {
        String name = "fails-" + UUID.randomUUID();
        assertThat(coordination.countWithin(name, Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(coordination.countWithin(name, Duration.ofMinutes(15))).isEqualTo(2);
        coordination.resetCount(name);
        assertThat(coordination.countWithin(name, Duration.ofMinutes(15))).isEqualTo(1);

        assertThat(coordination.isRaised(name)).isFalse();
        coordination.raiseFlag(name, Duration.ofMinutes(15));
        assertThat(coordination.isRaised(name)).isTrue();
    }

    @Test
    void aCounterExpiresWithItsWindowFromItsFirstCount() {
        String name = "window-" + UUID.randomUUID();
        coordination.countWithin(name, Duration.ofMinutes(15));
        coordination.countWithin(name, Duration.ofMinutes(15));
        long ttl = redis.getAtomicLong(PREFIX + ":count:" + name).remainTimeToLive();
        assertThat(ttl).isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(15).toMillis());
    }

    @Test
    void aCounterLeftWithoutAnExpiryGetsOneOnItsNextCount() {
        // What a node dying between INCR and EXPIRE used to leave: a count that never expires, a lock for good.
        String name = "stuck-" + UUID.randomUUID();
        redis.getAtomicLong(PREFIX + ":count:" + name).set(10);

        assertThat(coordination.countWithin(name, Duration.ofMinutes(15))).isEqualTo(11);
        assertThat(redis.getAtomicLong(PREFIX + ":count:" + name).remainTimeToLive()).isPositive();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
