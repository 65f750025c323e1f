package app.tdah.oidc;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import app.tdah.platform.BearerSecrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The server-side half of flows in progress, in Redis so that any node can finish what another started: what a
 * {@code state} stands for until the provider sends the browser back, the link intents handed to signed-in sessions,
 * and the links waiting for their person's confirmation. Each is taken with GET-and-DELETE, so it works once: a
 * replayed state, intent or confirmation finds nothing. Keys are the SHA-256 of the values, which stay with the
 * browser and the provider.
 */
final class PendingSignIns {

    /** Time for a person to sign in at the provider (password, second factor, consent screen). */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    static final Duration LINK_INTENT_LIFETIME = Duration.ofMinutes(5);
    /** Time to read "link this Google account?" and answer. */
    static final Duration CONFIRMATION_LIFETIME = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedissonClient redis;
    private final String prefix;

    PendingSignIns(RedissonClient redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
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
        bucket("state", state).set(write(flow), FLOW_LIFETIME);
    }

    Optional<Flow> takeFlow(String state) {
        return take("state", state, Flow.class);
    }

    /** A new one-time link intent; returns its token. */
    String createLinkIntent(LinkIntent intent) {
        String token = BearerSecrets.generate();
        bucket("link", token).set(write(intent), LINK_INTENT_LIFETIME);
        return token;
    }

    Optional<LinkIntent> takeLinkIntent(String token) {
        return take("link", token, LinkIntent.class);
    }

    /** Keeps a link until its session confirms it; returns the confirmation's token. */
    String savePendingLink(PendingLink link) {
        String token = BearerSecrets.generate();
        bucket("confirm", token).set(write(link), CONFIRMATION_LIFETIME);
        return token;
    }

    /** The pending link, left in place (the confirmation page reads it before the person answers). */
    Optional<PendingLink> peekPendingLink(String token) {
        if (!BearerSecrets.isWellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bucket("confirm", token).get()).map(json -> read(json, PendingLink.class));
    }

    Optional<PendingLink> takePendingLink(String token) {
        return take("confirm", token, PendingLink.class);
    }

    private <T> Optional<T> take(String kind, String value, Class<T> type) {
        if (!BearerSecrets.isWellFormed(value)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bucket(kind, value).getAndDelete()).map(json -> read(json, type));
    }

    private RBucket<String> bucket(String kind, String value) {
        return redis.getBucket(prefix + ":oidc:" + kind + ":" + HexFormat.of().formatHex(BearerSecrets.sha256(value)),
                StringCodec.INSTANCE);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable pending sign-in", e);
        }
    }
}
