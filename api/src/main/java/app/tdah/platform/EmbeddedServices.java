package app.tdah.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * The embedded PostgreSQL and Redis a node starts when none is configured, so that one command runs the product on a
 * fresh machine. Their data lives under the data directory and survives restarts.
 */
public final class EmbeddedServices implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedServices.class.getName());

    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;

    private EmbeddedServices(EmbeddedPostgres postgres, RedisServer redis, int redisPort) {
        this.postgres = postgres;
        this.redis = redis;
        this.redisPort = redisPort;
    }

    public static EmbeddedServices start(AppConfig config) {
        EmbeddedPostgres postgres = config.embeddedDatabase() ? startPostgres(config.dataDir().resolve("postgres")) : null;
        int redisPort = 0;
        RedisServer redis = null;
        if (config.embeddedRedis()) {
            redisPort = freePort();
            redis = startRedis(config.dataDir().resolve("redis"), redisPort);
        }
        return new EmbeddedServices(postgres, redis, redisPort);
    }

    /** The JDBC URL of the embedded PostgreSQL, when one was started. */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(postgres).map(pg -> pg.getJdbcUrl("postgres", "postgres"));
    }

    /** The redis:// URL of the embedded Redis, when one was started. */
    public Optional<String> redisUrl() {
        return redis == null ? Optional.empty() : Optional.of("redis://127.0.0.1:" + redisPort);
    }

    private static EmbeddedPostgres startPostgres(Path dir) {
        if ("root".equals(System.getProperty("user.name"))) {
            // initdb and postgres refuse to run as root; say so instead of failing deep inside the library.
            throw new IllegalStateException("Embedded PostgreSQL cannot run as root. Run as a normal user, "
                    + "or point PA_DB_URL (and PA_REDIS_URL) at your PostgreSQL and Redis.");
        }
        try {
            Files.createDirectories(dir);
            LOG.log(System.Logger.Level.INFO, "Embedded mode: starting PostgreSQL with data in {0}", dir);
            return EmbeddedPostgres.builder()
                    // The binaries unpack beside the data, not in a /tmp folder another user may own.
                    .setOverrideWorkingDirectory(dir.resolveSibling("postgres-binaries").toFile())
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start (data in " + dir + ")", e);
        }
    }

    private static RedisServer startRedis(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            LOG.log(System.Logger.Level.INFO, "Embedded mode: starting Redis with data in {0}", dir);
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("appendonly yes")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start (data in " + dir + ")", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (redis != null) {
                redis.stop();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Embedded services did not stop cleanly", e);
        }
    }
}
