package app.tdah.oidc;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import app.tdah.platform.BearerSecrets;
import app.tdah.platform.OneTimeValues;

import org.redisson.api.RedissonClient;

/**
 * The server-side half of flows in progress, in Redis so that any node can finish what another started: what a
 * {@code state} stands for until the provider sends the browser back, the link intents handed to signed-in sessions,
 * and the links waiting for their person's confirmation. Each works once: a replayed state, intent or confirmation
 * finds nothing.
 */
final class PendingSignIns {

    /** Time for a person to sign in at the provider (password, second factor, consent screen). */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    static final Duration LINK_INTENT_LIFETIME = Duration.ofMinutes(5);
    /** Time to read "link this Google account?" and answer. */
    static final Duration CONFIRMATION_LIFETIME = Duration.ofMinutes(10);

    private final OneTimeValues values;

    PendingSignIns(RedissonClient redis, String prefix) {
        this.values = new OneTimeValues(redis, prefix + ":oidc");
    }

    /**
     * A flow between its start and the provider's answer. {@code browserBinding} is also in a cookie of the browser
     * that started it; {@code linkUserId} and {@code linkSessionId} are set when the flow links an identity to that
     * account, for that session, instead of signing in.
     */
    record Flow(IdentityProvider provider, String nonce, String codeVerifier, String browserBinding, UUID linkUserId,
                UUID linkSessionId, String timeZone) {
    }

    /**
     * A signed-in session's wish to link an identity of {@code provider}; its token is in a cookie of that session's
     * browser only, and is redeemed when that browser starts the flow.
     */
    record LinkIntent(UUID userId, UUID sessionId, IdentityProvider provider) {
    }

    /** An identity the provider vouched for, to be linked once the session that asked confirms it. */
    record PendingLink(UUID userId, UUID sessionId, IdentityProvider provider, String subject, String email) {
    }

    void saveFlow(String state, Flow flow) {
        values.put("state", state, flow, FLOW_LIFETIME);
    }

    Optional<Flow> takeFlow(String state) {
        return values.take("state", state, Flow.class);
    }

    /** A new one-time link intent; returns its token. */
    String createLinkIntent(LinkIntent intent) {
        String token = BearerSecrets.generate();
        values.put("link", token, intent, LINK_INTENT_LIFETIME);
        return token;
    }

    Optional<LinkIntent> takeLinkIntent(String token) {
        return values.take("link", token, LinkIntent.class);
    }

    /** Keeps a link until its session confirms it; returns the confirmation's token. */
    String savePendingLink(PendingLink link) {
        String token = BearerSecrets.generate();
        values.put("confirm", token, link, CONFIRMATION_LIFETIME);
        return token;
    }

    /** The pending link, left in place (the confirmation page reads it before the person answers). */
    Optional<PendingLink> peekPendingLink(String token) {
        return values.peek("confirm", token, PendingLink.class);
    }

    Optional<PendingLink> takePendingLink(String token) {
        return values.take("confirm", token, PendingLink.class);
    }
}
