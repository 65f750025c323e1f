package app.tdah.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import app.tdah.Application;
import app.tdah.integrations.sync.AccessTokenSource;
import app.tdah.platform.AppConfig;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * The whole product, started in-process on a free port the way {@code Main} starts it, against real PostgreSQL and
 * Redis: a fresh database per server when this machine's PostgreSQL answers, else embedded mode in a temp directory.
 */
public final class RunningServer implements AutoCloseable {

    private final Application application;
    private final String jdbcUrl;
    private final AppConfig settings;

    private RunningServer(Application application, String jdbcUrl, AppConfig settings) {
        this.application = application;
        this.jdbcUrl = jdbcUrl;
        this.settings = settings;
    }

    public static RunningServer start() {
        return start(Map.of());
    }

    public static RunningServer start(Map<String, String> overrides) {
        return start(overrides, Clock.systemUTC());
    }

    /** With a fixed clock, "today" and "now" are what the test says, whatever the hour the suite runs at. */
    public static RunningServer start(Map<String, String> overrides, Clock clock) {
        return start(overrides, clock, null);
    }

    /** With the access tokens integrations sync with (null: none stored, as in production until connected). */
    public static RunningServer start(Map<String, String> overrides, Clock clock, AccessTokenSource integrationTokens) {
        Map<String, String> values = new HashMap<>();
        values.put("server.port", "0");
        values.put("server.host", "127.0.0.1");
        Path dataDir = TestServices.tempDataDir();
        values.put("pa.data.dir", dataDir.toString());
        String jdbcUrl = null;
        boolean joinsCluster = overrides.containsKey("pa.db.url");
        if (!joinsCluster && TestServices.localPostgresAvailable()) {
            jdbcUrl = TestServices.createDatabase();
            values.put("pa.db.url", jdbcUrl);
        }
        if (values.containsKey("pa.db.url") || joinsCluster) {
            // Another node of a cluster under test shares the first node's database, which that node drops.
            values.put("pa.db.user", TestServices.pgUser());
            values.put("pa.db.password", TestServices.pgPassword());
            values.put("pa.jwt.secret", "dGVzdC1vbmx5LWp3dC1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXM=");
            values.put("pa.encryption.key", "dGVzdC1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGVzISE=");
        }
        if (TestServices.localRedisAvailable()) {
            values.put("pa.redis.url", TestServices.redisUrl());
        }
        // Each server counts sign-in failures and the like under keys of its own in the shared Redis.
        values.put("pa.redis.prefix", "pa-test-" + java.util.UUID.randomUUID());
        // Cheaper Argon2 in tests: the parameters are the operator's choice; the behaviour under test is the same.
        values.put("pa.argon2.memory.kib", "8192");
        values.put("pa.argon2.iterations", "1");
        // Test classes sign many people up from 127.0.0.1; the tests of the sign-up limits set their own.
        values.put("pa.auth.signup.ip.per.hour", "100000");
        values.put("pa.auth.signup.global.per.hour", "100000");
        values.putAll(overrides);
        Config config = Config.builder()
                .sources(ConfigSources.create(values), ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build();
        AppConfig settings = AppConfig.from(config);
        Application application = integrationTokens == null ? Application.start(settings, config, clock)
                : Application.start(settings, config, clock, integrationTokens);
        return new RunningServer(application, jdbcUrl, settings);
    }

    public String baseUrl() {
        return "http://localhost:" + application.port();
    }

    public int port() {
        return application.port();
    }

    public Application application() {
        return application;
    }

    public AppConfig settings() {
        return settings;
    }

    /** The JDBC URL of this server's own test database (null in embedded mode). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        application.close();
        if (jdbcUrl != null) {
            TestServices.dropDatabase(jdbcUrl);
        }
    }
}
