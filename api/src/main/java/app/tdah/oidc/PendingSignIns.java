package app.tdah.oidc;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import app.tdah.platform.BearerSecrets;
import app.tdah.platform.OneTimeValues;

import org.redisson.api.RedissonClient;

/**
 * The server-side half of flows in progress, in Redis so that any node can finish what another started: what a
 * {@code state} stands for until the provider sends the browser back, and the link intents handed to signed-in people.
 * Each works once: a replayed state or link finds nothing.
 */
final class PendingSignIns {

    /** Time for a person to sign in at the provider (password, second factor, consent screen). */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    static final Duration LINK_INTENT_LIFETIME = Duration.ofMinutes(5);

    private final OneTimeValues values;

    PendingSignIns(RedissonClient redis, String prefix) {
        this.values = new OneTimeValues(redis, prefix + ":oidc");
    }

    /**
     * A flow between its start and the provider's answer. {@code browserBinding} is also in a cookie of the browser
     * that started it; {@code linkUserId} is set when the flow links an identity to that account instead of signing in.
     */
    record Flow(IdentityProvider provider, String nonce, String codeVerifier, String browserBinding, UUID linkUserId,
                String timeZone) {
    }

    /** A signed-in person's wish to link an identity of {@code provider}, redeemed when their browser starts the flow. */
    record LinkIntent(UUID userId, IdentityProvider provider) {
    }

    void saveFlow(String state, Flow flow) {
        values.put("state", state, flow, FLOW_LIFETIME);
    }

    Optional<Flow> takeFlow(String state) {
        return values.take("state", state, Flow.class);
    }

    /** A new one-time link intent for the person; returns its token. */
    String createLinkIntent(UUID userId, IdentityProvider provider) {
        String token = BearerSecrets.generate();
        values.put("link", token, new LinkIntent(userId, provider), LINK_INTENT_LIFETIME);
        return token;
    }

    Optional<LinkIntent> takeLinkIntent(String token) {
        return values.take("link", token, LinkIntent.class);
    }
}
