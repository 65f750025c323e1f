package app.tdah.accounts;

import java.time.Duration;
import java.util.UUID;

import app.tdah.jobs.coordination.RedissonCoordination;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's rules on the real Redis (a key prefix of its own). */
class LoginThrottleTest {

    private static RedissonClient redis;
    private static LoginThrottle throttle;

    @BeforeAll
    static void connect() {
        Config config = new Config();
        config.useSingleServer().setAddress(System.getenv().getOrDefault("PA_TEST_REDIS_URL", "redis://127.0.0.1:6379"));
        redis = Redisson.create(config);
        throttle = new LoginThrottle(new RedissonCoordination(redis, "pa-test-" + UUID.randomUUID()), Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    @AfterAll
    static void disconnect() {
        redis.shutdown();
    }

    @Test
    void fourFailuresCostNothingAndTheFifthStartsAWait() {
        String email = UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 4; i++) {
            throttle.failed(email, "192.0.2.1");
            assertThat(throttle.mayTry(email, "192.0.2.1")).as("after %d failures", i + 1).isTrue();
        }
        throttle.failed(email, "192.0.2.1");
        assertThat(throttle.mayTry(email, "192.0.2.1")).isFalse();
        assertThat(throttle.mayTry("someone-else@example.com", "192.0.2.1")).isTrue();
    }

    @Test
    void theWaitGrowsAndIsCappedAtAMinute() {
        LoginThrottle fast = new LoginThrottle(null, Duration.ofSeconds(1), Duration.ofMinutes(15));
        assertThat(fast.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(fast.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(fast.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(fast.delayAfter(30)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void fiftyFailuresFromOneAddressBlockItForEveryAccount() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("victim-" + i + "@example.com", "198.51.100.7");
        }
        assertThat(throttle.mayTry("anyone@example.com", "198.51.100.7")).isFalse();
        assertThat(throttle.mayTry("anyone@example.com", "198.51.100.8")).isTrue();
    }

    @Test
    void withRedisGoneAttemptsAreLetThrough() {
        LoginThrottle broken = new LoginThrottle(new RedissonCoordination(null, "x"), Duration.ofSeconds(1), Duration.ofMinutes(15));
        assertThat(broken.mayTry("a@example.com", "192.0.2.9")).isTrue();
        broken.failed("a@example.com", "192.0.2.9");
        broken.succeeded("a@example.com");
    }
}
