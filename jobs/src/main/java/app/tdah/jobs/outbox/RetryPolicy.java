package app.tdah.jobs.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When an outbox row (a mail, a text) that failed for a passing reason is tried again: the delay doubles from
 * {@code firstDelay} with each attempt up to {@code maxDelay}, and the row is given up once {@code maxAttempts} attempts
 * have failed.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Retry policy needs at least one attempt and 0 < firstDelay <= maxDelay");
        }
    }

    /** 30 s, 1 min, 2 min, … capped at 1 h. */
    public static RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(30), Duration.ofHours(1));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * The wait after the {@code attempts}-th failure: a random point in the upper half of the exponential delay, so
     * that rows which failed together (the receiver was down) does not come back all at once.
     */
    public Duration delayAfter(int attempts, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long delay = Math.min(firstDelay.toMillis() << doublings, maxDelay.toMillis());
        return Duration.ofMillis(delay - random.nextLong(delay / 2 + 1));
    }
}
