package app.tdah.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL and Redis the tests run against: this machine's servers on their default ports when they
 * answer (override with PA_TEST_PG_URL / PA_TEST_REDIS_URL), otherwise the embedded ones the product itself starts.
 * Each test class gets a database of its own, dropped at the end.
 */
public final class TestServices {

    private static final String PG_ADMIN_URL = env("PA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = env("PA_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("PA_TEST_PG_PASSWORD", "");
    private static final String REDIS_URL = env("PA_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private TestServices() {
    }

    public static boolean localPostgresAvailable() {
        return reachable(5432);
    }

    public static boolean localRedisAvailable() {
        return reachable(6379);
    }

    public static String redisUrl() {
        return REDIS_URL;
    }

    public static String pgUser() {
        return PG_USER;
    }

    public static String pgPassword() {
        return PG_PASSWORD;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createDatabase() {
        String name = "pa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    public static void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, PG_USER, PG_PASSWORD);
    }

    public static Path tempDataDir() {
        try {
            return Files.createTempDirectory("pa-test-data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
