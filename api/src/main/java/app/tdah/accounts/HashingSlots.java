package app.tdah.accounts;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import app.tdah.errors.Overloaded;

/**
 * Bounds how many Argon2 computations run at once on this node: each holds its memory cost (46 MiB by default) for
 * its duration, so a burst of sign-ups or sign-ins could otherwise exhaust the heap. A computation beyond the bound
 * waits its turn (first come, first served) for a short while, then is refused as {@link Overloaded}.
 */
public final class HashingSlots {

    private static final String BUSY = "The server is busy checking passwords right now. Please try again in a moment.";

    private final Semaphore slots;
    private final Duration wait;

    public HashingSlots(int concurrent, Duration wait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("At least one password may be hashed at a time: " + concurrent);
        }
        this.slots = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    <T> T run(Supplier<T> computation) {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Overloaded(BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded(BUSY);
        }
        try {
            return computation.get();
        } finally {
            slots.release();
        }
    }
}
