package app.tdah.jobs.coordination;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.redisson.api.RFencedLock;
import org.redisson.api.RLock;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RScript;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Coordination on Redisson. Locks are taken without a lease time so that Redisson's watchdog renews them while the
 * holder lives, and they expire shortly after it dies. Every key is prefixed, so one Redis can serve several
 * installations.
 */
public final class RedissonCoordination implements Coordination {

    /**
     * Counts and sets the expiry in one step, so no crash between the two can leave a counter that never expires (an
     * account locked for good). A counter found without an expiry, left by an older version, gets one too.
     */
    private static final String COUNT_WITHIN = """
            local count = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count""";

    private final RedissonClient redis;
    private final String prefix;

    public RedissonCoordination(RedissonClient redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public <T> Optional<T> withLock(String name, Duration wait, Supplier<T> work) {
        RLock lock = redis.getLock(key("lock", name));
        if (!acquire(() -> lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> Optional<T> withFencedLock(String name, Duration wait, LongFunction<T> work) {
        RFencedLock lock = redis.getFencedLock(key("fenced", name));
        Long token = lock.tryLockAndGetToken(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (token == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.apply(token));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryAcquire(String name, long permits, Duration interval) {
        RRateLimiter limiter = redis.getRateLimiter(key("rate", name));
        // Sets the rate once; a changed configuration takes effect when the limiter's key expires.
        limiter.trySetRate(RateType.OVERALL, permits, interval, interval.multipliedBy(2));
        return limiter.tryAcquire();
    }

    @Override
    public boolean firstTime(String key, Duration ttl) {
        return redis.getBucket(key("once", key)).setIfAbsent("1", ttl);
    }

    @Override
    public long countWithin(String name, Duration window) {
        String key = key("count", name);
        return redis.getScript(StringCodec.INSTANCE).eval(key, RScript.Mode.READ_WRITE, COUNT_WITHIN,
                RScript.ReturnType.INTEGER, List.<Object>of(key), Long.toString(window.toMillis()));
    }

    @Override
    public void resetCount(String name) {
        redis.getAtomicLong(key("count", name)).delete();
    }

    @Override
    public void raiseFlag(String name, Duration ttl) {
        redis.getBucket(key("flag", name)).set("1", ttl);
    }

    @Override
    public boolean isRaised(String name) {
        return redis.getBucket(key("flag", name)).isExists();
    }

    private String key(String kind, String name) {
        return prefix + ":" + kind + ":" + name;
    }

    private interface Attempt {
        boolean run() throws InterruptedException;
    }

    private static boolean acquire(Attempt attempt) {
        try {
            return attempt.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
