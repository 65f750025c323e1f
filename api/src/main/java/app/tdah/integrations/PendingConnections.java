package app.tdah.integrations;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.tdah.platform.OneTimeValues;

import org.redisson.api.RedissonClient;

/**
 * Connections between {@code connectIntegration} and the provider's answer, in Redis so that any node can finish what
 * another started, each under its {@code state} and taken once: a replayed state finds nothing.
 */
final class PendingConnections {

    /** Time for a person to sign in at the provider and read its consent screen. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final OneTimeValues values;

    PendingConnections(RedissonClient redis, String prefix) {
        this.values = new OneTimeValues(redis, prefix + ":integrations");
    }

    /**
     * Who asked for what, the PKCE verifier, and the value also given to the asking browser in a cookie: the callback
     * counts only in that browser.
     */
    record Pending(UUID userId, Provider provider, Set<Capability> capabilities, String codeVerifier, String browserBinding) {
    }

    void save(String state, Pending pending) {
        values.put("state", state, pending, LIFETIME);
    }

    Optional<Pending> take(String state) {
        return values.take("state", state, Pending.class);
    }
}
