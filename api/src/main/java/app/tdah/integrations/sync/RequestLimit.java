package app.tdah.integrations.sync;

import java.time.Duration;

import app.tdah.jobs.coordination.Coordination;

/**
 * A provider's request rate, cluster-wide: every node asks the same limiter before each request, so all syncs
 * together stay under what the provider allows this installation.
 */
public final class RequestLimit {

    private final Coordination coordination;
    private final String name;
    private final int perSecond;
    private final Duration longestWait;

    public RequestLimit(Coordination coordination, Provider provider, int perSecond, Duration longestWait) {
        if (perSecond < 1) {
            throw new IllegalArgumentException(provider + " requests per second must be at least 1");
        }
        this.coordination = coordination;
        this.name = "integrations:requests:" + provider.name().toLowerCase(java.util.Locale.ROOT);
        this.perSecond = perSecond;
        this.longestWait = longestWait;
    }

    public int perSecond() {
        return perSecond;
    }

    /**
     * Waits for a permit. Permits free up one every 1/rate seconds on average, so it waits that long between tries;
     * past {@code longestWait} the sync stops here and resumes at its next turn.
     */
    void acquire() throws ProviderException.RateLimited {
        long gapMillis = Math.max(1, 1000 / perSecond);
        long deadline = System.nanoTime() + longestWait.toNanos();
        while (!coordination.tryAcquire(name, perSecond, Duration.ofSeconds(1))) {
            if (System.nanoTime() > deadline) {
                throw new ProviderException.RateLimited("no permit from " + name + " within " + longestWait, null);
            }
            try {
                Thread.sleep(gapMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException.RateLimited("interrupted while waiting for " + name, null);
            }
        }
    }
}
