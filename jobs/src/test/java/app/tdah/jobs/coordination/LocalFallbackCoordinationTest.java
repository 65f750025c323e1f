package app.tdah.jobs.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Limits keep limiting while Redis is gone (a client shut down: every call fails, as in an outage). */
class LocalFallbackCoordinationTest {

    private static RedissonClient gone;
    private static RedissonClient live;

    @BeforeAll
    static void connect() {
        String url = System.getenv().getOrDefault("PA_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        Config config = new Config();
        config.useSingleServer().setAddress(url);
        gone = Redisson.create(config);
        gone.shutdown();
        live = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        live.shutdown();
    }

    @Test
    void withRedisGoneRateLimitsCountersAndFlagsHoldOnThisNode() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        Coordination coordination = new LocalFallbackCoordination(new RedissonCoordination(gone, "pa-test"), clock);

        assertThat(coordination.tryAcquire("signup", 2, Duration.ofHours(1))).isTrue();
        assertThat(coordination.tryAcquire("signup", 2, Duration.ofHours(1))).isTrue();
        assertThat(coordination.tryAcquire("signup", 2, Duration.ofHours(1))).isFalse();
        assertThat(coordination.countWithin("fails", Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(coordination.countWithin("fails", Duration.ofMinutes(15))).isEqualTo(2);
        coordination.resetCount("fails");
        assertThat(coordination.countWithin("fails", Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(coordination.isRaised("lock")).isFalse();
        coordination.raiseFlag("lock", Duration.ofMinutes(15));
        assertThat(coordination.isRaised("lock")).isTrue();
    }

    @Test
    void countsStartAgainAfterTheirWindow() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-25T10:00:00Z"));
        Coordination coordination = new LocalFallbackCoordination(new RedissonCoordination(gone, "pa-test"), clock);
        coordination.countWithin("fails", Duration.ofMinutes(15));
        coordination.raiseFlag("lock", Duration.ofMinutes(15));

        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(coordination.countWithin("fails", Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(coordination.isRaised("lock")).isFalse();
    }

    @Test
    void locksAndIdempotencyKeysHaveNoLocalStandIn() {
        Coordination coordination = new LocalFallbackCoordination(new RedissonCoordination(gone, "pa-test"), Clock.systemUTC());
        assertThatThrownBy(() -> coordination.firstTime("twilio:SM1", Duration.ofHours(1))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> coordination.withLock("job", Duration.ofMillis(10), () -> "ran"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void withRedisAnsweringTheCountsAreTheClusterWideOnes() {
        String prefix = "pa-test-" + UUID.randomUUID();
        Coordination nodeA = new LocalFallbackCoordination(new RedissonCoordination(live, prefix), Clock.systemUTC());
        Coordination nodeB = new LocalFallbackCoordination(new RedissonCoordination(live, prefix), Clock.systemUTC());
        nodeA.countWithin("fails", Duration.ofMinutes(15));
        assertThat(nodeB.countWithin("fails", Duration.ofMinutes(15))).isEqualTo(2);
    }

    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
