package app.tdah.platform;

import static app.tdah.platform.ConfigValues.nonBlank;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.helidon.config.Config;

/**
 * What one node runs on, read from the {@code pa} node of {@code application.yaml} and the environment: its public
 * URL, its roles, where the database and Redis are (empty URLs mean "embedded mode") and the shared secrets. Each
 * feature reads its own settings from its own child node; the web server reads Helidon's {@code server} node.
 */
public record AppConfig(
        URI publicUrl,
        Set<Role> roles,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Optional<String> redisUrl,
        Redis.Topology redisTopology,
        String redisSentinelMaster,
        String redisKeyPrefix,
        Optional<String> jwtSecret,
        Optional<String> encryptionKey,
        Optional<String> encryptionKeys,
        Optional<String> encryptionPrimary,
        boolean accessLog,
        String trustedProxies) {

    public enum Role { WEB, WORKER }

    public static AppConfig from(Config root) {
        Config pa = root.get("pa");
        return new AppConfig(
                ConfigValues.url(pa.get("public.url").asString().get()),
                parseRoles(pa.get("roles").asString().get()),
                nonBlank(pa.get("data.dir")).map(Path::of).orElseGet(AppConfig::defaultDataDir),
                nonBlank(pa.get("db.url")),
                pa.get("db.user").asString().get(),
                pa.get("db.password").asString().get(),
                pa.get("db.pool.size").asInt().get(),
                nonBlank(pa.get("redis.url")),
                Redis.topology(pa.get("redis.topology").asString().get()),
                pa.get("redis.sentinel.master").asString().get(),
                pa.get("redis.prefix").asString().get(),
                nonBlank(pa.get("jwt.secret")),
                nonBlank(pa.get("encryption.key")),
                nonBlank(pa.get("encryption.keys")),
                nonBlank(pa.get("encryption.primary")),
                pa.get("access.log").asBoolean().get(),
                pa.get("proxy.trusted").asString().get());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Embedded mode: no external PostgreSQL or Redis was configured, so this node starts its own. */
    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    public boolean embeddedRedis() {
        return redisUrl.isEmpty();
    }

    static Set<Role> parseRoles(String value) {
        Set<Role> roles = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return Role.valueOf(s.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("PA_ROLES: unknown role '" + s + "' (use web, worker or web,worker)");
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
        if (roles.isEmpty()) {
            throw new IllegalStateException("PA_ROLES is empty: use web, worker or web,worker");
        }
        return roles;
    }

    private static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("personal-assistant");
    }

    /**
     * The settings an operator may read in a log line: the database password, the JWT secret and the encryption keys
     * are left out, and a password written into a URL (its user-info, or a {@code password=} parameter) is masked.
     */
    @Override
    public String toString() {
        return "AppConfig[publicUrl=" + publicUrl + ", roles=" + roles + ", dataDir=" + dataDir
                + ", dbUrl=" + dbUrl.map(AppConfig::masked) + ", dbUser=" + dbUser
                + ", redisUrl=" + redisUrl.map(AppConfig::masked) + "]";
    }

    private static String masked(String url) {
        return url.replaceAll("//[^@/]*@", "//***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
