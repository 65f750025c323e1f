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
 * {@code state} stands for until the provider sends the browser back, and the link intents handed to signed-in people.
 * Each is taken with GET-and-DELETE, so it works once: a replayed state or link finds nothing. Keys are the SHA-256 of
 * the values, which stay with the browser and the provider.
 */
final class PendingSignIns {

    /** Time for a person to sign in at the provider (password, second factor, consent screen). */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    static final Duration LINK_INTENT_LIFETIME = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedissonClient redis;
    private final String prefix;

    PendingSignIns(RedissonClient redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
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
        bucket("state", state).set(write(flow), FLOW_LIFETIME);
    }

    Optional<Flow> takeFlow(String state) {
        return take("state", state, Flow.class);
    }

    /** A new one-time link intent for the person; returns its token. */
    String createLinkIntent(UUID userId, IdentityProvider provider) {
        String token = BearerSecrets.generate();
        bucket("link", token).set(write(new LinkIntent(userId, provider)), LINK_INTENT_LIFETIME);
        return token;
    }

    Optional<LinkIntent> takeLinkIntent(String token) {
        return take("link", token, LinkIntent.class);
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
