package app.tdah.jobs.outbox;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = RetryPolicy.withMaxAttempts(8);

    /** A generator that always draws its highest or lowest value: the two ends of the jitter. */
    private static RandomGenerator always(boolean highest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return highest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void theDelayDoublesFromThirtySecondsAndStopsAtAnHour() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(n -> POLICY.delayAfter(n, always(false)).toSeconds()))
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L);
        assertThat(POLICY.delayAfter(1_000, always(false))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterKeepsTheDelayInTheUpperHalf() {
        assertThat(POLICY.delayAfter(3, always(true))).isEqualTo(Duration.ofMinutes(1));
        SplittableRandom random = new SplittableRandom(42);
        IntStream.rangeClosed(1, 12).forEach(n -> {
            Duration full = POLICY.delayAfter(n, always(false));
            assertThat(POLICY.delayAfter(n, random)).isBetween(full.dividedBy(2), full);
        });
    }

    @Test
    void exhaustedOnceMaxAttemptsHaveFailed() {
        assertThat(POLICY.exhausted(7)).isFalse();
        assertThat(POLICY.exhausted(8)).isTrue();
    }

    @Test
    void aPolicyWithoutAttemptsIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
