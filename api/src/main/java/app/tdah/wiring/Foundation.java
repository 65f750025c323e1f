package app.tdah.wiring;

import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;

import app.tdah.audit.AuditLog;
import app.tdah.jobs.coordination.Coordination;
import app.tdah.platform.Secrets;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import org.redisson.api.RedissonClient;

/**
 * What every feature may build on, made once per node: its configuration node ({@code pa}), the database, Redis and
 * the coordination built on it, the secrets, the audit log and the clock.
 *
 * @param config       the {@code pa} configuration node; each feature reads its own child of it
 * @param closeAtStop  registers something the feature opened (an executor) to be closed when the node stops
 */
public record Foundation(Config config, URI publicUrl, DbClient db, RedissonClient redis, String redisKeyPrefix,
                         Coordination coordination, Secrets secrets, AuditLog audit, Clock clock,
                         Consumer<AutoCloseable> closeAtStop) {
}
