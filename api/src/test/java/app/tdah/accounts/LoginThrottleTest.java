package app.tdah.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import app.tdah.jobs.coordination.LocalFallbackCoordination;
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

    private static void fail(LoginThrottle throttle, String email, String ip) {
        LoginThrottle.Attempt attempt = throttle.admit(email, ip);
        assertThat(attempt.admitted()).isTrue();
        throttle.failed(email, ip, attempt);
    }

    @Test
    void withRedisGoneGuessingIsStillLockedAfterTenFailures() {
        RedissonClient gone = Redisson.create(redis.getConfig());
        gone.shutdown();
        LoginThrottle outage = new LoginThrottle(new LocalFallbackCoordination(new RedissonCoordination(gone, "pa-test"),
                Clock.systemUTC()), Duration.ZERO, Duration.ofMinutes(15));
        String email = UUID.randomUUID() + "@example.com";
        for (int i = 0; i < LoginThrottle.LOCK_AT; i++) {
            fail(outage, email, "192.0.2.9");
        }
        assertThat(outage.admit(email, "192.0.2.9").admitted()).isFalse();
        assertThat(outage.admit(email, "198.51.100.9").admitted()).as("the account is locked, whatever the address").isFalse();
    }

    @Test
    void fourFailuresCostNothingAndTheFifthStartsAWait() {
        String email = UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            fail(throttle, email, "192.0.2.1");
        }
        assertThat(throttle.admit(email, "192.0.2.1").admitted()).isFalse();
        assertThat(throttle.admit("someone-else@example.com", "192.0.2.1").admitted()).isTrue();
    }

    @Test
    void parallelGuessesCannotPassTheLimitTogether() {
        LoginThrottle noWaits = new LoginThrottle(new RedissonCoordination(redis, "pa-test-" + UUID.randomUUID()), Duration.ZERO, Duration.ofMinutes(15));
        String email = UUID.randomUUID() + "@example.com";
        // Fifty attempts admitted before any of them has failed, as a parallel burst would be.
        long admitted = java.util.stream.IntStream.range(0, 50).filter(i -> noWaits.admit(email, "192.0.2.2").admitted()).count();
        assertThat(admitted).isEqualTo(10);
        assertThat(noWaits.admit(email, "192.0.2.2").admitted()).isFalse();
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        LoginThrottle noWaits = new LoginThrottle(new RedissonCoordination(redis, "pa-test-" + UUID.randomUUID()), Duration.ZERO, Duration.ofMinutes(15));
        String email = UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 9; i++) {
            fail(noWaits, email, "192.0.2.3");
        }
        assertThat(noWaits.admit(email, "192.0.2.3").admitted()).isTrue();
        noWaits.succeeded(email);
        for (int i = 0; i < 9; i++) {
            fail(noWaits, email, "192.0.2.3");
        }
        assertThat(noWaits.admit(email, "192.0.2.3").admitted()).isTrue();
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
            fail(throttle, "victim-" + i + "@example.com", "198.51.100.7");
        }
        assertThat(throttle.admit("anyone@example.com", "198.51.100.7").admitted()).isFalse();
        assertThat(throttle.admit("anyone@example.com", "198.51.100.8").admitted()).isTrue();
    }
}
