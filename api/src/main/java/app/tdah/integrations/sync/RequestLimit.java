package app.tdah.integrations.sync;

import java.time.Duration;

import app.tdah.integrations.Provider;
import app.tdah.jobs.coordination.Coordination;

/**
 * A provider's request rate, cluster-wide: every node asks the same limiter before each request, so all syncs
 * together stay under what the provider allows this installation.
 */
public final class RequestLimit {

    private static final System.Logger LOG = System.getLogger(RequestLimit.class.getName());

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
     * Waits for a permit. The second is cut in tenths, each allowing a tenth of the rate, so that requests flow evenly
     * rather than in one burst at the start of each second (a burst delayed on its way would crowd the provider's
     * next second). A tenth of the rate is held back: requests given their permit in one second can arrive in the
     * same second as some of the next one's (a thread scheduled late, a connection opened), and the provider counts
     * arrivals (measured: 263 in one second at a limit of 250 without it). Permits free up one every 1/rate seconds on
     * average, so it waits that long between tries; past {@code longestWait} the sync stops here and resumes at its
     * next turn.
     */
    void acquire() throws ProviderException.RateLimited {
        long gapMillis = Math.max(1, 1000 / perSecond);
        long slices = perSecond >= 10 ? 10 : 1;
        long permits = Math.max(1, perSecond * 9 / 10 / slices);
        Duration slice = Duration.ofMillis(1000 / slices);
        long deadline = System.nanoTime() + longestWait.toNanos();
        while (!permitted(permits, slice)) {
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

    /**
     * A limiter Redis cannot answer for now (a blip, or its settings expiring between being set and used) gives no
     * permit: the request waits as if the limit were reached, rather than going out unlimited.
     */
    private boolean permitted(long permits, Duration slice) {
        try {
            return coordination.tryAcquire(name, permits, slice);
        } catch (RuntimeException unavailable) {
            LOG.log(System.Logger.Level.DEBUG, "Rate limiter {0} unavailable: {1}", name, unavailable.toString());
            return false;
        }
    }
}
