package app.tdah.jobs.coordination;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Cluster-wide coordination for features, without their touching Redis: single-flight locks per entity, fenced locks
 * for work with external side effects, rate limiters, and idempotency keys.
 */
public interface Coordination {

    /**
     * Runs {@code work} while holding the lock {@code name}, waiting at most {@code wait} for it; empty when another
     * holder kept it. The lock is renewed while the work runs and released when it ends, or when this node dies.
     */
    <T> Optional<T> withLock(String name, Duration wait, Supplier<T> work);

    /**
     * Like {@link #withLock}, passing a fencing token that grows with every acquisition: an external system that
     * remembers the highest token it saw can refuse a stale holder that lost the lock during a pause.
     */
    <T> Optional<T> withFencedLock(String name, Duration wait, LongFunction<T> work);

    /** Takes one permit from the limiter {@code name} allowing {@code permits} per {@code interval}, cluster-wide. */
    boolean tryAcquire(String name, long permits, Duration interval);

    /** True for the first caller with this key within {@code ttl}; false for every repeat (e.g. a webhook retry). */
    boolean firstTime(String key, Duration ttl);

    /** Adds one to a cluster-wide counter that expires {@code window} after its first count; returns the new count. */
    long countWithin(String name, Duration window);

    void resetCount(String name);

    /** Raises a flag for {@code ttl} (a lockout, a wait); raising it again restarts the time. */
    void raiseFlag(String name, Duration ttl);

    boolean isRaised(String name);
}
