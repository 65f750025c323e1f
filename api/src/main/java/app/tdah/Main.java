package app.tdah;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tdah.platform.AppConfig;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

/**
 * Starts the server; with the argument {@code migrate} only applies the database migrations and exits; with
 * {@code rotate-keys} re-seals every encrypted secret under the primary encryption key and exits (1 when some value
 * opens under no configured key).
 */
public final class Main {

    private static final Map<String, String> SERVER_ALIASES = Map.of("PA_PORT", "server.port", "PA_HOST", "server.host",
            "PA_MAX_CONCURRENT_REQUESTS", "server.max-concurrent-requests");

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.builder()
                .sources(List.of(ConfigSources.create(serverVariables(System.getenv())), ConfigSources.environmentVariables(),
                        ConfigSources.systemProperties(), ConfigSources.classpath("application.yaml")))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build();
        AppConfig settings = AppConfig.from(config);
        if (args.length > 0 && args[0].equals("migrate")) {
            Application.migrateOnly(settings);
            return;
        }
        if (args.length > 0 && args[0].equals("rotate-keys")) {
            System.exit(Application.rotateKeys(settings) ? 0 : 1);
        }
        if (args.length > 0) {
            System.err.println("Usage: java -jar personal-assistant.jar [migrate | rotate-keys]");
            System.exit(2);
        }
        Application application = Application.start(settings, config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown"));
    }

    /**
     * The web server reads Helidon's {@code server.port}, {@code server.host} and {@code server.max-concurrent-requests}
     * ({@code SERVER_PORT}...); the names operators set for every other setting, {@code PA_PORT}, {@code PA_HOST} and
     * {@code PA_MAX_CONCURRENT_REQUESTS}, work too and win.
     */
    static Map<String, String> serverVariables(Map<String, String> environment) {
        Map<String, String> server = new HashMap<>();
        SERVER_ALIASES.forEach((variable, key) -> {
            if (environment.containsKey(variable)) {
                server.put(key, environment.get(variable));
            }
        });
        return server;
    }
}
