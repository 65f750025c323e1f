package app.tdah.accounts.recovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import app.tdah.jobs.coordination.LocalFallbackCoordination;
import app.tdah.jobs.coordination.RedissonCoordination;

import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;

/** With Redis gone, recovery mails and reset requests are still capped (on each node) rather than unlimited. */
class RecoveryThrottleOutageTest {

    @Test
    void withRedisGoneTheHourlyCapsStillHold() {
        Config config = new Config();
        config.useSingleServer().setAddress(System.getenv().getOrDefault("PA_TEST_REDIS_URL", "redis://127.0.0.1:6379"));
        RedissonClient gone = Redisson.create(config);
        gone.shutdown();
        RecoveryThrottle throttle = new RecoveryThrottle(new LocalFallbackCoordination(new RedissonCoordination(gone, "pa-test"),
                Clock.systemUTC()), new RecoveryLimits(3, 20));

        List<Boolean> mails = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mails.add(throttle.allowMail(TokenPurpose.RESET_PASSWORD, "person@example.com"));
        }
        assertThat(mails).containsExactly(true, true, true, false);
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.allowResetRequest("192.0.2.4")).isTrue();
        }
        assertThat(throttle.allowResetRequest("192.0.2.4")).isFalse();
    }
}
