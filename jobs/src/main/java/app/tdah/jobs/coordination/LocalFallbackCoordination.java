package app.tdah.jobs.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Limits that hold when Redis does not answer. Rate limits, counters and flags fall back to this node's memory while
 * the cluster-wide store fails, so sign-in, recovery and sign-up throttles keep limiting (per node) instead of letting
 * every guess through. Locks and idempotency keys have no local stand-in: a node cannot promise them alone, so their
 * failures reach the caller.
 */
public final class LocalFallbackCoordination implements Coordination {

    private static final System.Logger LOG = System.getLogger(LocalFallbackCoordination.class.getName());
    /** Above this many local entries, expired ones are swept on the next write, so an outage cannot fill the heap. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Coordination primary;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Instant> flags = new ConcurrentHashMap<>();
    private final AtomicBoolean degraded = new AtomicBoolean();

    private record Counter(long count, Instant expiresAt) {
    }

    public LocalFallbackCoordination(Coordination primary, Clock clock) {
        this.primary = primary;
        this.clock = clock;
    }

    @Override
    public <T> Optional<T> withLock(String name, Duration wait, Supplier<T> work) {
        return primary.withLock(name, wait, work);
    }

    @Override
    public <T> Optional<T> withFencedLock(String name, Duration wait, LongFunction<T> work) {
        return primary.withFencedLock(name, wait, work);
    }

    @Override
    public boolean firstTime(String key, Duration ttl) {
        return primary.firstTime(key, ttl);
    }

    @Override
    public boolean tryAcquire(String name, long permits, Duration interval) {
        return fallingBack(() -> primary.tryAcquire(name, permits, interval),
                () -> count("rate:" + name, interval) <= permits);
    }

    @Override
    public long countWithin(String name, Duration window) {
        return fallingBack(() -> primary.countWithin(name, window), () -> count("count:" + name, window));
    }

    @Override
    public void resetCount(String name) {
        counters.remove("count:" + name);
        fallingBack(() -> {
            primary.resetCount(name);
            return null;
        }, () -> null);
    }

    @Override
    public void raiseFlag(String name, Duration ttl) {
        fallingBack(() -> {
            primary.raiseFlag(name, ttl);
            return null;
        }, () -> {
            sweepIfLarge();
            flags.put(name, clock.instant().plus(ttl));
            return null;
        });
    }

    @Override
    public boolean isRaised(String name) {
        // A flag raised locally during an outage still stands once Redis answers again.
        Instant localUntil = flags.get(name);
        boolean raisedLocally = localUntil != null && localUntil.isAfter(clock.instant());
        return raisedLocally || fallingBack(() -> primary.isRaised(name), () -> false);
    }

    private long count(String key, Duration window) {
        sweepIfLarge();
        Instant now = clock.instant();
        return counters.compute(key, (k, current) -> current == null || !current.expiresAt().isAfter(now)
                ? new Counter(1, now.plus(window))
                : new Counter(current.count() + 1, current.expiresAt())).count();
    }

    private void sweepIfLarge() {
        if (counters.size() + flags.size() > SWEEP_ABOVE) {
            Instant now = clock.instant();
            counters.values().removeIf(counter -> !counter.expiresAt().isAfter(now));
            flags.values().removeIf(until -> !until.isAfter(now));
        }
    }

    private <T> T fallingBack(Supplier<T> cluster, Supplier<T> local) {
        try {
            T answer = cluster.get();
            if (degraded.compareAndSet(true, false)) {
                LOG.log(System.Logger.Level.INFO, "Redis answers again: rate limits are cluster-wide again");
            }
            return answer;
        } catch (RuntimeException e) {
            if (degraded.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "Redis does not answer; rate limits fall back to this node's memory: {0}",
                        e.toString());
            }
            return local.get();
        }
    }
}
