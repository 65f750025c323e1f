package app.tdah.observe;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheckResponse;

import org.redisson.api.RedissonClient;

/** What "ready" means for this node: its database, its Redis and, on workers, its scheduler answer. */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    public static Supplier<HealthCheckResponse> database(DbClient db) {
        return probe(() -> db.execute().get("SELECT 1 AS ok").isPresent());
    }

    public static Supplier<HealthCheckResponse> redis(RedissonClient redis) {
        return probe(() -> {
            redis.getBucket("pa:health:probe").isExists();
            return true;
        });
    }

    public static Supplier<HealthCheckResponse> of(BooleanSupplier check) {
        return probe(check);
    }

    private static Supplier<HealthCheckResponse> probe(BooleanSupplier check) {
        return () -> {
            try {
                return HealthCheckResponse.builder().status(check.getAsBoolean()).build();
            } catch (RuntimeException e) {
                // The reason goes in the details for the operator; it never contains credentials (URLs are not echoed).
                return HealthCheckResponse.builder().status(false).detail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
