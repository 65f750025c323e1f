package app.tdah.platform;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Values that work once, in Redis so that any node can take what another put: what an OAuth {@code state} stands for
 * until the provider sends the browser back, or a one-time link. Each is taken with GET-and-DELETE, so a replay finds
 * nothing. Keys are the SHA-256 of the secrets, which stay with the browser and the provider.
 */
public final class OneTimeValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedissonClient redis;
    private final String prefix;

    /** {@code prefix} starts every key, e.g. {@code pa:oidc}. */
    public OneTimeValues(RedissonClient redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /** Keeps {@code value} (a record, as JSON) for {@code lifetime} under a secret made by {@link BearerSecrets#generate()}. */
    public void put(String kind, String secret, Object value, Duration lifetime) {
        try {
            bucket(kind, secret).set(JSON.writeValueAsString(value), lifetime);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value put under this secret, once; empty when there is none, it expired, or it was taken already. */
    public <T> Optional<T> take(String kind, String secret, Class<T> type) {
        if (!BearerSecrets.isWellFormed(secret)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bucket(kind, secret).getAndDelete()).map(json -> read(json, kind, type));
    }

    /** The value put under this secret, left in place for a later {@link #take} (a page shows it before it is used). */
    public <T> Optional<T> peek(String kind, String secret, Class<T> type) {
        if (!BearerSecrets.isWellFormed(secret)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bucket(kind, secret).get()).map(json -> read(json, kind, type));
    }

    private static <T> T read(String json, String kind, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable one-time value of kind " + kind, e);
        }
    }

    private RBucket<String> bucket(String kind, String secret) {
        return redis.getBucket(prefix + ":" + kind + ":" + HexFormat.of().formatHex(BearerSecrets.sha256(secret)),
                StringCodec.INSTANCE);
    }
}
